module Hosting
  CPANEL_API_KEY = 'SJKNV2WRP7WLLO5HOOXK0E9RAAGHWQXG'.freeze
  HOST = 'web01.sunrise-media.com'
end

LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO
