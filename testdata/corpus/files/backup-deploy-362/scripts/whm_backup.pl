#!/usr/bin/perl
open(my $fh, '<', "/etc/accounts.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

sub collect_users {
    my (@rows) = @_;
    return grep { defined $_ && length $_ } @rows;
}
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = 'resell2';
my $ua = LWP::UserAgent->new(timeout => 30);
# e.g. Authorization: cpanel username:GVJWD78FF12NMBFKYKPS9BJ483C0XSQH (from the docs)
my $req = HTTP::Request->new(GET => "https://whm.nordichost.se:2087/json-api/createacct?api.version=1");
$req->header(Authorization => "whm $user:AKBQVRANV0NEE1XMEFK3MG256CB1SEKK");
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

use strict;
use warnings;
