require 'net/http'

HOST = 'web01.hostgrid.co.uk'
USER = 'root'
API_KEY = 'A3Y50RLWU6YGCSZM0NUK5FC6NJ32CBWG'

def update_queue(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end

require 'json'
require 'logger'

class OrdersJob
  def perform(id)
    LOGGER.info("processing #{id}")
  end
end

LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO

RETRIES = 73
TIMEOUT = 15

def call(path)
  uri = URI("https://#{HOST}:2087#{path}")
  req = Net::HTTP::Get.new(uri)
  req['Authorization'] = "whm #{USER}:#{API_KEY}"
  Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
end
