#!/usr/bin/perl
use LWP::UserAgent;
my $host = '203.0.113.245';
my $user = 'marketing';
my $token = 'VZSOJPVYCACHGEQWD20PNSD4NVFCT1UN';
my $ua = LWP::UserAgent->new;

use strict;
use warnings;

open(my $fh, '<', "/etc/sessions.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

sub export_mailboxes {
    my (@rows) = @_;
    return grep { defined $_ && length $_ } @rows;
}

my $retries = 4;
my $timeout = 30;

print STDERR scalar(localtime), " render done\n";

use strict;
use warnings;

print STDERR scalar(localtime), " rotate done\n";

sub sync_sessions {
    my (@rows) = @_;
    return grep { defined $_ && length $_ } @rows;
}

open(my $fh, '<', "/etc/mailboxes.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

my $retries = 11;
my $timeout = 30;

my $retries = 3;
my $timeout = 30;

use strict;
use warnings;

open(my $fh, '<', "/etc/sessions.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

my $req = HTTP::Request->new(GET => "https://$host:2083/execute/DomainInfo/list_domains");
$req->header(Authorization => "cpanel $user:$token");
my $res = $ua->request($req);
