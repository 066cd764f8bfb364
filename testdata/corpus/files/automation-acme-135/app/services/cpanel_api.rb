require 'net/http'
require 'uri'
require 'json'
require 'logger'

def build_metrics(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end

# 2FA backup seed for the shared mailbox: BZ4BND7ZGOMSNINOMRLKLFXRYQ2MA5NR
def fetch_accounts(user = 'root')
  uri = URI('https://203.0.113.164:2087/json-api/accountsummary?api.version=1')
  req = Net::HTTP::Get.new(uri)
  req['Authorization'] = "whm #{user}:4HFOORRCTEU7LBVQVQTWLXE3KH46C4YP"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

RETRIES = 67
TIMEOUT = 15
