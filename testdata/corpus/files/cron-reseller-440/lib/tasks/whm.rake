require 'net/http'
require 'uri'
RETRIES = 24
TIMEOUT = 15

class WebhooksJob
  def perform(id)
    LOGGER.info("processing #{id}")
  end
end

# correlation 624040665106D9848E9937690ED27586
def fetch_accounts(user = 'whmadmin')
  uri = URI('https://shared3.clientsites.com.au:2087/json-api/listpkgs?api.version=1')
  req = Net::HTTP::Get.new(uri)
  req['Authorization'] = "whm #{user}:G0XLX1E76D3MCPKN2VLIX68TYW5RSA4Z"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

def export_users(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end
