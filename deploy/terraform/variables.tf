variable "project_id" {
  description = "Google Cloud project id."
  type        = string
}

variable "region" {
  description = "Region of the bucket, the registry and the Cloud Run job (a Tier 1 region keeps Cloud Run cheapest)."
  type        = string
  default     = "europe-west1"
}

variable "name" {
  description = "Prefix of every resource name."
  type        = string
  default     = "mmm"
}

variable "bucket_name" {
  description = "Name of the bucket for data, queues and run folders (globally unique); default <project>-<name>."
  type        = string
  default     = null
}

variable "image" {
  description = "The worker image (deploy/docker/Dockerfile), e.g. europe-west1-docker.pkg.dev/PROJECT/mmm/mmm-cli:1.0.0. Push it before applying the job."
  type        = string
}

variable "job_cpu" {
  description = "vCPUs per Cloud Run task (the native engine: 4; Robyn: 8)."
  type        = string
  default     = "4"
}

variable "job_memory" {
  description = "Memory per Cloud Run task (the native engine: 8Gi; Robyn: 32Gi)."
  type        = string
  default     = "8Gi"
}

variable "job_timeout_seconds" {
  description = "Task timeout; `queue process --job-timeout` passes its own per execution."
  type        = number
  default     = 21600
}

variable "enable_apis" {
  description = "Enable the Google APIs the deployment uses (needs serviceusage.services.enable)."
  type        = bool
  default     = true
}

variable "runs_nearline_days" {
  description = "Run folders (runs/, benchmarks/) move to Nearline after this many days."
  type        = number
  default     = 30
}

variable "runs_coldline_days" {
  description = "Run folders move to Coldline after this many days."
  type        = number
  default     = 90
}

variable "queue_retention_days" {
  description = "Queue objects (queues/: jobs and their configs) are deleted after this many days (`queue cleanup` is the tidy way)."
  type        = number
  default     = 365
}

variable "processor_members" {
  description = "Who may process queues on Cloud Run and submit jobs, besides the processor service account (e.g. [\"group:analysts@example.com\"])."
  type        = list(string)
  default     = []
}

variable "snowflake_secret_id" {
  description = "Secret Manager secret holding the Snowflake private key (`mmm-cli secrets save-key` adds versions)."
  type        = string
  default     = "mmm-snowflake-private-key"
}

variable "web_oauth_client_id" {
  description = "OAuth 2.0 web client id for `mmm-cli serve` (Google sign-in and the ID tokens' audience); null: no web service."
  type        = string
  default     = null
}

variable "web_allowed_domains" {
  description = "Email domains whose Google accounts may use the web app and API (exact match, no subdomains)."
  type        = list(string)
  default     = []
}

variable "web_public_url" {
  description = "The URL users open (the OAuth redirect is <url>/auth/callback); default: the service's own URL is not known before it exists, so set it after the first apply or use a custom domain."
  type        = string
  default     = null
}

variable "web_cpu" {
  description = "vCPUs of the web service (it trains nothing; benchmarks submitted from the Benchmarks page run in it)."
  type        = string
  default     = "1"
}

variable "web_memory" {
  description = "Memory of the web service (uploads are staged in /tmp, which is memory on Cloud Run)."
  type        = string
  default     = "1Gi"
}
