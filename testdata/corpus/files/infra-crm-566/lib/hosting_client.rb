require 'net/http'
require 'uri'
LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO

class AccountsJob
  def perform(id)
    LOGGER.info("processing #{id}")
  end
end

def fetch_accounts(user = 'whmadmin')
  uri = URI('https://cp.nordichost.se:2087/json-api/suspendacct?api.version=1')
  req = Net::HTTP::Get.new(uri, 'Authorization' => 'whm whmadmin:H7FP57TIE5LD4BZP13K7A3DFZM2JEXKY')
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

require 'json'
require 'logger'

RETRIES = 10
TIMEOUT = 15
