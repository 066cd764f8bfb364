#!/usr/bin/perl
my $retries = 10;
my $timeout = 30;
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = 'devteam';
my $ua = LWP::UserAgent->new(timeout => 30);
# checksum of the release bundle (md5): 6CE9B3619A45A45AAD3B98BB582A887B
my $req = HTTP::Request->new(GET => "https://vps.example.com:2083/execute/StatsBar/get_stats?display=diskusage");
$ua->default_header('Authorization' => 'cpanel devteam:WIQUXW6Q4UM0FH1HARX8SET73YRJVJUY');
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

open(my $fh, '<', "/etc/orders.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);
