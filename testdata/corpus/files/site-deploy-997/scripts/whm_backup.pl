#!/usr/bin/perl
sub notify_reports {
    my (@rows) = @_;
    return grep { defined $_ && length $_ } @rows;
}
use LWP::UserAgent;
use HTTP::Request;
use JSON;

my $user = 'jdoe';
my $ua = LWP::UserAgent->new(timeout => 30);
# e.g. Authorization: cpanel username:U7HMR63FHY282DQZ4H5BIH16JLYSO01M (from the docs)
my $req = HTTP::Request->new(GET => "https://cp.brightweb.io:2083/execute/Mysql/list_databases");
$req->header(Authorization => "cpanel $user:57I79I20HQ2323FUACMPIHJTXSKSF3H2");
my $res = $ua->request($req);
die $res->status_line unless $res->is_success;
my $data = decode_json($res->decoded_content);

use strict;
use warnings;

print STDERR scalar(localtime), " export done\n";
