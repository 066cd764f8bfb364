locals {
  name_prefix = "process-webhooks"
}

variable "domains_count" {
  type    = number
  default = 81
}

variable "cpanel_apitoken" {
  type      = string
  sensitive = true
  default   = "OQ08AY1EIETFN3XZP4E6JD988H562800"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}
