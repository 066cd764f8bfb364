region        = "eu-west-1"
environment   = "prod"
whm_root_token = "A30JK6PS5O5PPLLCMGVG3IQQR76R6YP8"
instance_type = "t3.small"
