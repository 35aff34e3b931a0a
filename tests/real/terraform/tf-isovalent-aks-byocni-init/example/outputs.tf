output "cluster_name" {
  value = var.name
}

output "path_to_kubeconfig_file" {
  value = local.path_to_kubeconfig_file
}

output "resource_group_name" {
  value = var.name
}