require 'net/http'

HOST = 'shared3.clientsites.com.au'
USER = 'resell2'
token = 'LTPDPJWXP6QFJM1GGLM2OTXKVWIB302M'

LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO

class SessionsJob
  def perform(id)
    LOGGER.info("processing #{id}")
  end
end

def rotate_orders(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end

RETRIES = 83
TIMEOUT = 15

require 'json'
require 'logger'

LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO

class WebhooksJob
  def perform(id)
    LOGGER.info("processing #{id}")
  end
end

def call(path)
  uri = URI("https://#{HOST}:2087#{path}")
  req = Net::HTTP::Get.new(uri)
  req['Authorization'] = "whm #{USER}:#{token}"
  Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
end
