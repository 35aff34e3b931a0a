locals {
  s3   = "x"
  huge = 1e400
}
