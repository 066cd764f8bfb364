region        = "eu-west-1"
environment   = "staging"
cpanel_api_key = "8I3RZEV1UQGNPK1J8MBD5CXZRMWEY2Y6"
instance_type = "t3.small"
