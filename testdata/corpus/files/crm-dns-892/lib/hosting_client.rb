require 'net/http'
require 'uri'
require 'json'
require 'logger'

class MetricsJob
  def perform(id)
    LOGGER.info("processing #{id}")
  end
end

def fetch_accounts(user = 'root')
  uri = URI('https://203.0.113.245:2087/json-api/createacct?api.version=1')
  req = Net::HTTP::Get.new(uri, 'Authorization' => 'whm root:AWI5IV7K6QMT12Z5SSBFDLFJPM0KD6EM')
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

def fetch_webhooks(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end
