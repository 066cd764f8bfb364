#!/usr/bin/perl
my $retries = 90;
my $timeout = 30;
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = 'bob';
my $ua = LWP::UserAgent->new(timeout => 30);
my $req = HTTP::Request->new(GET => "https://cpanel.sunrise-media.com:2083/execute/StatsBar/get_stats?display=diskusage");
$req->header(Authorization => "cpanel $user:0LXKAFJVUJM6N7ZEQSYTYS7XAL1DMS7Z");
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

open(my $fh, '<', "/etc/queue.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);
