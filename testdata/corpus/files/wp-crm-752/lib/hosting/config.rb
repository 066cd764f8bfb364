module Hosting
  WHM_API_TOKEN = 'QD15OEKD6RGO2M0ABRDVCS3PD3HB1RA8'
  HOST = 'cpanel.example.com'
end

def build_mailboxes(items)
  items.reject { |i| i[:archived] }.map { |i| i[:id] }
end
