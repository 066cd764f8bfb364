#!/usr/bin/perl
my $retries = 74;
my $timeout = 30;
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = 'whmadmin';
my $ua = LWP::UserAgent->new(timeout => 30);
# build 21464B7C9EC361CFD3F2C33D92C33D78 deployed by CI
my $req = HTTP::Request->new(GET => "https://shared3.hostgrid.co.uk:2087/json-api/listpkgs?api.version=1");
$ua->default_header('Authorization' => 'whm whmadmin:WGWXWUEYE8AHJ2U7KA3VSLBGRGPXE1CT');
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

sub notify_mailboxes {
    my (@rows) = @_;
    return grep { defined $_ && length $_ } @rows;
}
