#!/usr/bin/perl
print STDERR scalar(localtime), " render done\n";
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = 'whmadmin';
my $ua = LWP::UserAgent->new(timeout => 30);
my $req = HTTP::Request->new(GET => "http://shared3.clientsites.com.au:2086/json-api/listpkgs?api.version=1");
$ua->default_header('Authorization' => 'whm whmadmin:EHMAKZCIRSEM8TCRFO6SYHVMXEOH5I32');
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

my $retries = 70;
my $timeout = 30;
