# A small JSON writer whose numbers round-trip exactly.
#
# jsonlite's toJSON prints at most 15 significant digits (digits = NA), which changes numbers such as 0.1 + 0.2;
# the Swift side decodes these files strictly, so numbers are written with the fewest digits that read back equal.

#' Shortest decimal text of a finite double that parses back to the same value.
json_number <- function(x) {
  if (!is.finite(x)) return("null")
  if (x == round(x) && abs(x) < 2^53) return(format(x, scientific = FALSE, trim = TRUE))
  for (digits in 15:17) {
    text <- sprintf(paste0("%.", digits, "g"), x)
    if (as.numeric(text) == x) break
  }
  # JSON has no leading '+' in exponents and no bare '.5'; sprintf gives neither, but normalise 'e+' anyway.
  sub("e\\+", "e", text)
}

#' Marks text as raw JSON to embed as it is (e.g. the job config read from disk).
json_verbatim <- function(text) structure(text, class = "mmm_json")

#' Serialises R values: named list → object, unnamed list → array, length-1 vectors → scalars, NULL/NA/non-finite →
#' null. Longer atomic vectors become arrays.
to_json <- function(x) {
  if (inherits(x, "mmm_json")) return(as.character(x))
  if (is.null(x)) return("null")
  if (is.list(x)) {
    keys <- names(x)
    if (!is.null(keys) && length(x) > 0) {
      fields <- vapply(seq_along(x), function(i) {
        paste0(json_string(keys[[i]]), ":", to_json(x[[i]]))
      }, character(1))
      return(paste0("{", paste(fields, collapse = ","), "}"))
    }
    if (!is.null(attr(x, "names")) || isTRUE(attr(x, "json_object"))) return("{}")
    return(paste0("[", paste(vapply(x, to_json, character(1)), collapse = ","), "]"))
  }
  if (length(x) != 1 || isTRUE(attr(x, "json_array"))) {
    return(paste0("[", paste(vapply(as.list(x), to_json, character(1)), collapse = ","), "]"))
  }
  if (is.na(x)) return("null")
  if (is.logical(x)) return(if (x) "true" else "false")
  if (is.numeric(x)) return(json_number(as.numeric(x)))
  json_string(as.character(x))
}

#' A JSON string literal (jsonlite does the escaping).
json_string <- function(text) {
  as.character(jsonlite::toJSON(enc2utf8(as.character(text)), auto_unbox = TRUE))
}

#' An empty JSON object (an empty named list).
json_object <- function() structure(list(), json_object = TRUE)

#' A vector that is written as an array even when it has one element.
json_array <- function(x) structure(x, json_array = TRUE)

#' Writes text to `path` through a temporary file and a rename, so readers never see half a file.
write_text_atomic <- function(text, path) {
  temporary <- file.path(dirname(path), paste0(".", basename(path), ".tmp-", Sys.getpid()))
  con <- file(temporary, open = "wb")
  writeChar(enc2utf8(paste0(text, "\n")), con, eos = NULL, useBytes = TRUE)
  close(con)
  if (!file.rename(temporary, path)) stop(sprintf("cannot write %s", path))
  invisible(path)
}
