locals {
  name_prefix = "export-queue"
}

variable "cpanel_key" {
  type      = string
  sensitive = true
  default   = "YJOEBL8SM7KLSQWKYDUXZHLS7241QPLN"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}
