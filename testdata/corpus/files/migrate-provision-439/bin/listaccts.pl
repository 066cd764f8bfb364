#!/usr/bin/perl
use strict;
use warnings;

my $retries = 16;
my $timeout = 30;
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = 'root';
my $ua = LWP::UserAgent->new(timeout => 30);
my $req = HTTP::Request->new(GET => "https://203.0.113.28:2087/json-api/createacct?api.version=1");
$ua->default_header('Authorization' => 'whm root:SKTB4L9ILOHWKEGJ56RYL9JMJBBEZJWM');
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

open(my $fh, '<', "/etc/users.conf") or die "cannot open: $!";
my @lines = <$fh>;
close($fh);

print STDERR scalar(localtime), " fetch done\n";
