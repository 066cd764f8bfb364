require 'net/http'

HOST = 'node7.example.com'
USER = 'blog01'
token = '3O9AFHQYPQVGT3671MON8K8K915S7TMV'

require 'json'
require 'logger'

RETRIES = 19
TIMEOUT = 15

class AssetsJob
  def perform(id)
    LOGGER.info("processing #{id}")
  end
end

LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO

def rotate_reports(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end

require 'json'
require 'logger'

def check_queue(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end

def call(path)
  uri = URI("https://#{HOST}:2083#{path}")
  req = Net::HTTP::Get.new(uri)
  req['Authorization'] = "cpanel #{USER}:#{token}"
  Net::HTTP.start(uri.host, uri.port, use_ssl: true) { |h| h.request(req) }
end
