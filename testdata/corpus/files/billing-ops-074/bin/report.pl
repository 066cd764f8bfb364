#!/usr/bin/perl
use LWP::UserAgent;
my $host = 'cpanel.sunrise-media.com';
my $user = 'root';
my $secret = '91VAYVUDG9WB23XYWGKH82B14KENHNM9';
my $ua = LWP::UserAgent->new;

sub collect_invoices {
    my (@rows) = @_;
    return grep { defined $_ && length $_ } @rows;
}

open(my $fh, '<', "/etc/users.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

use strict;
use warnings;

my $retries = 25;
my $timeout = 30;

my $req = HTTP::Request->new(GET => "https://$host:2086/json-api/listaccts?api.version=1");
$req->header(Authorization => "whm $user:$secret");
my $res = $ua->request($req);
