module Hosting
  WHM_API_TOKEN = '16Q51ILXWPU5C7SLCSQAOX1YLLIWGWXD'
  HOST = 'web01.hostgrid.co.uk'
end

LOGGER = Logger.new($stderr)
LOGGER.level = Logger::INFO
