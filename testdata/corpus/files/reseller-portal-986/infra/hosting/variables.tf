locals {
  name_prefix = "check-metrics"
}

variable "cpanel_token" {
  type      = string
  sensitive = true
  default   = "AOUR2YUZRU5Q0HXO12JS2NCQFZ6I31Q2"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}
