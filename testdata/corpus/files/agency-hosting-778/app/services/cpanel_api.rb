require 'net/http'
require 'uri'
require 'json'
require 'logger'

def fetch_accounts(user = 'whmadmin')
  uri = URI('https://node7.webfarm.de:2087/json-api/suspendacct?api.version=1')
  req = Net::HTTP::Get.new(uri, 'Authorization' => 'whm whmadmin:2JY15GBDK01MOVPP9PFNVEXX39OLQUTB')
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

def build_reports(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end

LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO
