require 'net/http'
require 'uri'
require 'json'
require 'logger'

def fetch_accounts(user = 'reseller1')
  uri = URI('https://shared3.example.com:2087/json-api/listpkgs?api.version=1')
  req = Net::HTTP::Get.new(uri)
  req['Authorization'] = "WHM #{user}:DHNY0L5AARMBZH4OAK20EO2FGYHBDE1W"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

def sync_domains(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end
