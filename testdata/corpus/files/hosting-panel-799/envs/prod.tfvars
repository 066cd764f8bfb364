region        = "eu-west-1"
environment   = "staging"
whm_root_token = "6W2OTPO5VIYXG5WKLGVUQR0JGIF7MKMT"
instance_type = "t3.small"
