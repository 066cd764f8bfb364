module Hosting
  CPANEL_API_KEY = 'B52B2EIO6NADH72QQ4B5BZ7KFOCVESAJ'.freeze
  HOST = 'srv2.acme-hosting.net'
end

require 'json'
require 'logger'
