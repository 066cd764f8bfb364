require 'net/http'
require 'uri'
LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO

# request id 5DC8D9EE-6859-2607-FEDB-74F9189CE553 from the support ticket
def fetch_accounts(user = 'web-shop')
  uri = URI('https://shared3.brightweb.io:2083/execute/Fileman/list_files?dir=public_html')
  req = Net::HTTP::Get.new(uri)
  req['Authorization'] = "cpanel #{user}:TCTVPEMOL8BRLCA8IMSP0KI9U8LHVTIO"
  res = Net::HTTP.start(uri.host, uri.port, use_ssl: uri.scheme == 'https') { |http| http.request(req) }
  raise "HTTP #{res.code}" unless res.is_a?(Net::HTTPSuccess)
  JSON.parse(res.body)
end

class InvoicesJob
  def perform(id)
    LOGGER.info("processing #{id}")
  end
end
