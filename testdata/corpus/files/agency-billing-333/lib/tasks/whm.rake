require 'net/http'
require 'uri'
require 'json'
require 'logger'

def fetch_accounts(user = 'bob')
  uri = URI('https://cpanel.webfarm.de:2083/execute/ZoneEdit/fetchzone_records?domain=webfarm.de')
  req = Net::HTTP::Get.new(uri)
  req['Authorization'] = "cpanel #{user}:QA711WUJ95ONGYW5PBV5TMJORTIFFQF4"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

RETRIES = 90
TIMEOUT = 15

LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO
