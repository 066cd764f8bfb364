module Hosting
  CPANEL_ACCESS_TOKEN = 'T05FR47XPBOQNJBJOS6AV6C72REBYN9Y'
  HOST = 'node7.sunrise-media.com'
end

require 'json'
require 'logger'
