region        = "eu-west-1"
environment   = "staging"
whm_root_token = "DBRE638BHJE6OK5J4JY116QZZTOKX83W"
instance_type = "t3.small"
