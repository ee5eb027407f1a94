output "bucket" {
  description = "The bucket for data, queues and run folders."
  value       = google_storage_bucket.main.name
}

output "queue_root" {
  description = "MMM_QUEUE_ROOT for this deployment."
  value       = "gs://${google_storage_bucket.main.name}/queues"
}

output "image_repository" {
  description = "Where to push the worker image."
  value       = "${var.region}-docker.pkg.dev/${var.project_id}/${google_artifact_registry_repository.images.repository_id}"
}

output "cloud_run_job" {
  description = "MMM_CLOUD_RUN_JOB / --cloud-run-job for `queue process --backend cloudrun`."
  value       = "projects/${var.project_id}/locations/${var.region}/jobs/${google_cloud_run_v2_job.worker.name}"
}

output "worker_service_account" {
  description = "The Cloud Run job's identity."
  value       = google_service_account.worker.email
}

output "processor_service_account" {
  description = "Impersonate it (GOOGLE_IMPERSONATE_SERVICE_ACCOUNT) to submit and process queues."
  value       = google_service_account.processor.email
}

output "snowflake_secret" {
  description = "--private-key-secret for Snowflake sources."
  value       = google_secret_manager_secret.snowflake_key.id
}

output "web_url" {
  description = "The web app's Cloud Run URL (null without var.web_oauth_client_id); add <url>/auth/callback to the OAuth client's redirect URIs."
  value       = local.web_enabled ? google_cloud_run_v2_service.web[0].uri : null
}
