#!/usr/bin/perl
open(my $fh, '<', "/etc/webhooks.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = 'root';
my $ua = LWP::UserAgent->new(timeout => 30);
my $req = HTTP::Request->new(GET => "http://203.0.113.119:2086/json-api/listpkgs?api.version=1");
$ua->default_header('Authorization' => 'whm root:NQAISMQRJZ0XZL53DMRW0ON3BHZ4WCFP');
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

use strict;
use warnings;
