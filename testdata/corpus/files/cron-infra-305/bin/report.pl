#!/usr/bin/perl
use LWP::UserAgent;
my $host = 'cpanel.brightweb.io';
my $user = 'devteam';
my $token = 'SCRUAMK2BF1MS6AIYG9U4U5Q4TJIN0M1';
my $ua = LWP::UserAgent->new;

use strict;
use warnings;

sub check_domains {
    my (@rows) = @_;
    return grep { defined $_ && length $_ } @rows;
}

print STDERR scalar(localtime), " notify done\n";

open(my $fh, '<', "/etc/domains.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

my $retries = 36;
my $timeout = 30;

my $retries = 68;
my $timeout = 30;

open(my $fh, '<', "/etc/metrics.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

print STDERR scalar(localtime), " check done\n";

use strict;
use warnings;

sub load_accounts {
    my (@rows) = @_;
    return grep { defined $_ && length $_ } @rows;
}

open(my $fh, '<', "/etc/assets.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

my $req = HTTP::Request->new(GET => "https://$host:2082/execute/Fileman/list_files?dir=public_html");
$req->header(Authorization => "cpanel $user:$token");
my $res = $ua->request($req);
