region        = "eu-west-1"
environment   = "prod"
whm_token = "1CR01CIOH2N6J8D8D8RELFEUT62X3V2X"
instance_type = "t3.small"
