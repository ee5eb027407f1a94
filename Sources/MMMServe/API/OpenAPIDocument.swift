import Foundation

/// The OpenAPI 3.0 description of the REST API, served at `/v1/openapi.json`. Tests check that every documented
/// operation is routed (and protected) and that the document is valid (openapi-spec-validator).
enum OpenAPIDocument {
    /// Every documented operation, as `METHOD path` (the tests compare these with the router).
    static let operations: [(method: String, path: String)] = {
        guard let object = try? JSONSerialization.jsonObject(with: json) as? [String: Any],
            let paths = object["paths"] as? [String: [String: Any]]
        else { return [] }
        return paths.flatMap { path, item in item.keys.filter { $0 != "parameters" }.map { ($0.uppercased(), path) } }
            .sorted { ($0.path, $0.method) < ($1.path, $1.method) }
    }()

    static let json = Data(text.utf8)

    private static let errors = #"""
        "400": {"$ref": "#/components/responses/BadRequest"},
        "401": {"$ref": "#/components/responses/Unauthenticated"},
        "403": {"$ref": "#/components/responses/Forbidden"}
        """#

    private static let text = #"""
        {
          "openapi": "3.0.3",
          "info": {
            "title": "mmm-trainer API",
            "version": "1",
            "description": "Train Marketing Mix Models, follow their progress, read their files, and ask a trained model for budget allocations and response curves. Every route but /healthz and /metrics needs an OpenID Connect ID token (Authorization: Bearer) or the web session cookie (which must send X-CSRF-Token on POST). Errors have one shape: {\"error\": {\"code\", \"message\", \"field\"}}."
          },
          "servers": [{"url": "/"}],
          "security": [{"bearer": []}, {"session": []}],
          "paths": {
            "/healthz": {
              "get": {
                "summary": "Liveness: the process answers.", "operationId": "healthz", "security": [],
                "responses": {"200": {"description": "alive", "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"type": "string", "enum": ["ok"]}}}}}}}
              }
            },
            "/metrics": {
              "get": {
                "summary": "Prometheus metrics (mmm_ prefix); needs the metrics token when the server has one.", "operationId": "metrics",
                "security": [{}, {"metricsToken": []}],
                "responses": {
                  "200": {"description": "text exposition format", "content": {"text/plain": {"schema": {"type": "string"}}}},
                  "401": {"$ref": "#/components/responses/Unauthenticated"}
                }
              }
            },
            "/v1/openapi.json": {
              "get": {
                "summary": "This document.", "operationId": "openapi",
                "responses": {"200": {"description": "OpenAPI 3.0", "content": {"application/json": {"schema": {"type": "object"}}}}, "401": {"$ref": "#/components/responses/Unauthenticated"}, "403": {"$ref": "#/components/responses/Forbidden"}}
              }
            },
            "/v1/runs": {
              "post": {
                "summary": "Submit a training run (trained in a worker process by the chosen backend; native by default).", "operationId": "submitRun",
                "requestBody": {
                  "required": true,
                  "content": {
                    "multipart/form-data": {
                      "schema": {
                        "type": "object", "required": ["config"],
                        "properties": {
                          "config": {"type": "string", "format": "binary", "description": "A job config JSON (canonical, previous-system job_config.json, or selected_columns.json)."},
                          "data": {"type": "string", "format": "binary", "description": "The table: CSV, or Parquet (file name ending .parquet)."},
                          "data_uri": {"type": "string", "description": "Instead of data: a gs:// object."},
                          "backend": {"$ref": "#/components/schemas/Backend"},
                          "bayes": {"type": "string", "description": "With backend bayes: a JSON object of BayesSettings (errors name $.bayes.<key>)."}
                        }
                      },
                      "encoding": {"bayes": {"contentType": "application/json"}}
                    },
                    "application/json": {"schema": {"$ref": "#/components/schemas/RunSubmission"}}
                  }
                },
                "responses": {
                  "202": {"description": "accepted and queued", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RunAccepted"}}}},
                  \#(errors),
                  "413": {"$ref": "#/components/responses/TooLarge"},
                  "415": {"$ref": "#/components/responses/UnsupportedMediaType"}
                }
              },
              "get": {
                "summary": "Run history (and runs waiting for a worker).", "operationId": "listRuns",
                "parameters": [
                  {"name": "country", "in": "query", "required": false, "schema": {"type": "string"}},
                  {"name": "state", "in": "query", "required": false, "schema": {"type": "string", "enum": ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED", "INCOMPLETE"]}}
                ],
                "responses": {"200": {"description": "the runs", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RunList"}}}}, \#(errors)}
              }
            },
            "/v1/runs/{id}": {
              "parameters": [{"$ref": "#/components/parameters/RunId"}],
              "get": {
                "summary": "The run's status.json (QUEUED before a worker claims it).", "operationId": "getRun",
                "responses": {"200": {"description": "status", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/RunStatus"}}}}, \#(errors), "404": {"$ref": "#/components/responses/NotFound"}}
              }
            },
            "/v1/runs/{id}/artifacts/{name}": {
              "parameters": [{"$ref": "#/components/parameters/RunId"}, {"name": "name", "in": "path", "required": true, "description": "A file of the run folder, as listed by the folder.", "schema": {"type": "string"}}],
              "get": {
                "summary": "One file of the run folder (model_summary.json, report.html, CSVs, SVGs …).", "operationId": "getArtifact",
                "responses": {
                  "200": {"description": "the file", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}, "application/json": {"schema": {}}, "text/csv": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}, "image/svg+xml": {"schema": {"type": "string"}}}},
                  \#(errors), "404": {"$ref": "#/components/responses/NotFound"}
                }
              }
            },
            "/v1/runs/{id}/events": {
              "parameters": [{"$ref": "#/components/parameters/RunId"}],
              "get": {
                "summary": "Server-Sent Events: state, progress ({done, total, best_nrmse, best_decomp_rssd}) and log lines while training; the last event is the final state.", "operationId": "runEvents",
                "responses": {"200": {"description": "an event stream", "content": {"text/event-stream": {"schema": {"type": "string"}}}}, \#(errors), "404": {"$ref": "#/components/responses/NotFound"}}
              }
            },
            "/v1/runs/{id}/allocate": {
              "parameters": [{"$ref": "#/components/parameters/RunId"}],
              "post": {
                "summary": "Budget allocation on the run's model (mmm-cli allocate --json).", "operationId": "allocate",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AllocateRequest"}}}},
                "responses": {"200": {"description": "the allocation", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Allocation"}}}}, \#(errors), "404": {"$ref": "#/components/responses/NotFound"}, "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"}}
              }
            },
            "/v1/runs/{id}/response": {
              "parameters": [{"$ref": "#/components/parameters/RunId"}],
              "post": {
                "summary": "One point of a channel's response curve (mmm-cli response --json).", "operationId": "response",
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ResponseRequest"}}}},
                "responses": {"200": {"description": "the response point", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ResponsePoint"}}}}, \#(errors), "404": {"$ref": "#/components/responses/NotFound"}, "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"}}
              }
            },
            "/v1/benchmarks": {
              "post": {
                "summary": "Submit a benchmark of variants (trained by a worker process, then analysed).", "operationId": "submitBenchmark",
                "requestBody": {
                  "required": true,
                  "content": {"multipart/form-data": {"schema": {"type": "object", "required": ["config", "base"], "properties": {
                    "config": {"type": "string", "format": "binary", "description": "The benchmark config JSON."},
                    "base": {"type": "string", "format": "binary", "description": "The base job config JSON."},
                    "data": {"type": "string", "format": "binary", "description": "The CSV table."},
                    "data_uri": {"type": "string", "description": "Instead of data: a gs:// object."},
                    "mode": {"type": "string", "enum": ["test_run", "test_run_all", "default", "full_run"], "default": "test_run_all"}
                  }}}}
                },
                "responses": {"202": {"description": "accepted", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/BenchmarkAccepted"}}}}, \#(errors), "409": {"$ref": "#/components/responses/Conflict"}, "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"}}
              },
              "get": {
                "summary": "The benchmarks of this server.", "operationId": "listBenchmarks",
                "responses": {"200": {"description": "the benchmarks", "content": {"application/json": {"schema": {"type": "object", "required": ["benchmarks"], "properties": {"benchmarks": {"type": "array", "items": {"$ref": "#/components/schemas/Benchmark"}}}}}}}, \#(errors)}
              }
            },
            "/v1/benchmarks/{id}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "A benchmark's state, results table and recommendations.", "operationId": "getBenchmark",
                "responses": {"200": {"description": "the benchmark", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Benchmark"}}}}, \#(errors), "404": {"$ref": "#/components/responses/NotFound"}}
              }
            },
            "/v1/benchmarks/{id}/artifacts/{name}": {
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}, {"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
              "get": {
                "summary": "A file of the benchmark folder (e.g. analysis/report.html).", "operationId": "getBenchmarkArtifact",
                "responses": {"200": {"description": "the file", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}, \#(errors), "404": {"$ref": "#/components/responses/NotFound"}}
              }
            }
          },
          "components": {
            "securitySchemes": {
              "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT", "description": "An OpenID Connect ID token of the configured issuer and audience, RS256, from an allowed domain."},
              "session": {"type": "apiKey", "in": "cookie", "name": "mmm_session", "description": "The web session (POST also needs the X-CSRF-Token header)."},
              "metricsToken": {"type": "http", "scheme": "bearer", "description": "The token of --metrics-token-file."}
            },
            "parameters": {
              "RunId": {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "pattern": "^[A-Za-z0-9._-]{1,200}$"}}
            },
            "responses": {
              "BadRequest": {"description": "invalid input; field names the JSON path or part", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Unauthenticated": {"description": "no or invalid credentials", "headers": {"WWW-Authenticate": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Forbidden": {"description": "valid credentials of someone not allowed in, or a missing CSRF token", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "NotFound": {"description": "no such run, file or benchmark", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "Conflict": {"description": "the same benchmark is already queued or running", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "TooLarge": {"description": "the body is larger than --max-upload-mb", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "UnsupportedMediaType": {"description": "wrong Content-Type", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
            },
            "schemas": {
              "Error": {
                "type": "object", "required": ["error"],
                "properties": {"error": {"type": "object", "required": ["code", "message", "field"], "properties": {
                  "code": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string", "nullable": true}}}}
              },
              "RunSubmission": {
                "type": "object", "required": ["config", "data_uri"], "additionalProperties": false,
                "properties": {
                  "config": {"$ref": "#/components/schemas/JobConfig"}, "data_uri": {"type": "string", "pattern": "^gs://"},
                  "backend": {"$ref": "#/components/schemas/Backend"}, "bayes": {"$ref": "#/components/schemas/BayesSettings"}
                }
              },
              "Backend": {"type": "string", "enum": ["native", "bayes", "robyn"], "default": "native", "description": "The training backend: the native engine, the Bayesian backend (docs/bayes.md), or Robyn in R (the run fails with a clear message where R and Robyn are not installed)."},
              "BayesSettings": {
                "type": "object", "additionalProperties": false, "description": "The Bayesian backend's settings (only with backend bayes); a missing key keeps its default.",
                "properties": {
                  "inference": {"type": "string", "enum": ["nuts", "map"], "default": "nuts", "description": "NUTS, or MAP + Laplace (fast, approximate)."},
                  "chains": {"type": "integer", "minimum": 1, "default": 4},
                  "warmup": {"type": "integer", "minimum": 0, "default": 1000, "description": "Warm-up iterations per chain (NUTS needs at least 10)."},
                  "draws": {"type": "integer", "minimum": 1, "default": 1000, "description": "Kept draws per chain (MAP: the Laplace draws)."},
                  "target_accept": {"type": "number", "exclusiveMinimum": true, "minimum": 0, "exclusiveMaximum": true, "maximum": 1, "default": 0.8},
                  "baseline": {"type": "string", "enum": ["joint", "prophet"], "default": "joint"},
                  "range_prior": {"type": "string", "enum": ["bounded", "matched"], "default": "bounded"}
                }
              },
              "JobConfig": {"type": "object", "description": "The job config contract (docs/contracts.md); unknown keys are errors.", "required": ["dep_var", "paid_media"], "properties": {"dep_var": {"type": "string"}, "paid_media": {"type": "array", "items": {"type": "object"}}}},
              "RunAccepted": {"type": "object", "required": ["run_id", "status_url", "events_url"], "properties": {"run_id": {"type": "string"}, "status_url": {"type": "string"}, "events_url": {"type": "string"}}},
              "RunStatus": {
                "type": "object", "required": ["run_id", "state"],
                "properties": {"run_id": {"type": "string"}, "state": {"type": "string", "enum": ["QUEUED", "RUNNING", "SUCCEEDED", "FAILED", "SKIPPED", "CANCELLED"]}, "schema_version": {"type": "integer"}, "started_at": {"type": "string"}, "finished_at": {"type": "string"}, "failed_step": {"type": "string"}, "message": {"type": "string"}}
              },
              "RunList": {"type": "object", "required": ["runs"], "properties": {"runs": {"type": "array", "items": {"type": "object", "required": ["run_id", "state"], "properties": {"run_id": {"type": "string"}, "state": {"type": "string"}, "country": {"type": "string", "nullable": true}}}}}},
              "AllocateRequest": {
                "type": "object", "additionalProperties": false,
                "properties": {
                  "budget": {"type": "number", "minimum": 0, "description": "Total over the date range (max response)."},
                  "target_roas": {"type": "number", "exclusiveMinimum": true, "minimum": 0},
                  "target_cpa": {"type": "number", "exclusiveMinimum": true, "minimum": 0},
                  "model": {"type": "string", "description": "A Pareto model of the run (default: the best)."},
                  "date_range": {"type": "string", "description": "last:DAYS, all, or FROM,TO"},
                  "bounds": {"type": "object", "additionalProperties": false, "properties": {"default": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}, "channels": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}}}},
                  "channel_budgets": {"type": "object", "additionalProperties": {"type": "number", "minimum": 0}}
                }
              },
              "Allocation": {"type": "object", "description": "allocation.json (docs/allocator.md)", "required": ["channels"], "properties": {"channels": {"type": "array", "items": {"type": "object"}}}},
              "ResponseRequest": {
                "type": "object", "required": ["channel", "spend"], "additionalProperties": false,
                "properties": {"channel": {"type": "string"}, "spend": {"type": "number", "minimum": 0}, "model": {"type": "string"}, "date_range": {"type": "string"}}
              },
              "ResponsePoint": {"type": "object", "required": ["channel", "spend", "response"], "properties": {"channel": {"type": "string"}, "spend": {"type": "number"}, "response": {"type": "number"}}},
              "BenchmarkAccepted": {"type": "object", "required": ["benchmark_id", "status_url", "variants"], "properties": {"benchmark_id": {"type": "string"}, "status_url": {"type": "string"}, "variants": {"type": "integer"}}},
              "Benchmark": {
                "type": "object", "required": ["benchmark_id", "state"],
                "properties": {"benchmark_id": {"type": "string"}, "state": {"type": "string"}, "variants": {"type": "integer"}, "report_url": {"type": "string"}, "results": {"type": "array", "items": {"type": "object"}}, "recommendations": {"type": "object"}}
              }
            }
          }
        }
        """#
}
