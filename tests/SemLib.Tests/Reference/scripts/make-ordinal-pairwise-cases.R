# Produces the missing = "pairwise" fixtures in tests/SemLib.Tests/Reference/ordinal-stats/ (files *-pw.json / *-pw.csv,
# plus sparse6 and bad-input.json): lavaan's sample statistics for ordinal (and mixed ordinal/continuous) data with
# missing cells. Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-ordinal-pairwise-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R.
#
# Each case: cfa(model, data, ordered = ..., estimator = "WLSMV", missing = "pairwise", do.fit = FALSE); the JSON
# layout is that of make-ordinal-stats-cases.R (th, mean, cov = lavInspect "sampstat"; wls_obs; gamma = "gamma" row by
# row; wls_v_diag), with "missing": "pairwise". lavaan's conventions with missing = "pairwise" (lavaan 0.6.14):
#   - rows missing every variable are dropped ("some cases are empty and will be ignored"); rows missing the group
#     value are dropped ("group variable contains missing values"); nobs counts the remaining rows;
#   - thresholds, means and variances (divisor = available n) from each variable's available values;
#   - each correlation from the rows observing both variables, with the univariate statistics fixed (also for two
#     continuous variables: the bivariate-normal ML in rho with means/variances fixed, not the pairwise Pearson r);
#   - Gamma = nobs * B^-1 (sum_i s_i s_i') B^-T with a missing score counted as zero (lav_matrix_crossprod na.rm).
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/ordinal-stats"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
script <- "tests/SemLib.Tests/Reference/scripts/make-ordinal-pairwise-cases.R"

rows.of <- function(m) lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ]))
as.list.g <- function(x, ngroups) if (ngroups == 1L) list(x) else x

write_case <- function(name, description, data, data.file, ordered, group = NULL, missing = "pairwise") {
  vars <- setdiff(names(data), group)
  model <- paste0("f =~ ", paste(vars, collapse = " + "), "\n")
  warns <- character(0)
  fit <- withCallingHandlers(
    cfa(model, data = data, ordered = ordered, group = group, estimator = "WLSMV", missing = missing, do.fit = FALSE),
    warning = function(w) { warns <<- c(warns, conditionMessage(w)); invokeRestart("muffleWarning") })
  ng <- lavInspect(fit, "ngroups")
  ss <- as.list.g(lavInspect(fit, "sampstat"), ng)
  wo <- as.list.g(lavInspect(fit, "wls.obs"), ng)
  G <- as.list.g(lavInspect(fit, "gamma"), ng)
  V <- as.list.g(lavInspect(fit, "wls.v"), ng)
  nobs <- lavInspect(fit, "nobs")
  zc <- fit@SampleStats@zero.cell.tables
  groups <- lapply(seq_len(ng), function(g) {
    Gg <- unclass(G[[g]])
    rows <- seq_len(nrow(Gg)) - 1L
    z <- zc[[g]]
    list(label = if (ng > 1L) lavInspect(fit, "group.label")[g] else "",
         nobs = nobs[g],
         th = as.numeric(ss[[g]]$th), th_names = names(ss[[g]]$th),
         mean = as.numeric(ss[[g]]$mean),
         cov = rows.of(unclass(ss[[g]]$cov)[vars, vars]),
         wls_obs = as.numeric(wo[[g]]), wls_names = names(wo[[g]]),
         gamma_rows = rows,
         gamma = rows.of(Gg),
         gamma_diag = as.numeric(diag(Gg)),
         wls_v_diag = as.numeric(diag(unclass(V[[g]]))),
         zero_cell_tables = if (is.null(z) || nrow(z) == 0L) list() else lapply(seq_len(nrow(z)), function(i) as.character(z[i, ])))
  })
  case <- list(
    name = name, description = description,
    reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
    call = paste0("cfa(model, data, ordered = ordered, group = group, estimator = \"WLSMV\", missing = \"", missing,
                  "\", do.fit = FALSE); lavInspect(fit, \"sampstat\" / \"wls.obs\" / \"gamma\" / \"wls.v\")"),
    data = data.file, variables = vars, ordered = ordered, group = if (is.null(group)) "" else group,
    missing = missing, lavaan_warnings = warns,
    groups = groups)
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = FALSE),
             file.path(out.dir, paste0(name, ".json")))
  invisible(fit)
}

# Deletes about 8% of the cells of the given columns (deterministic).
punch <- function(d, cols, seed, rate = 0.08) {
  set.seed(seed)
  for (v in cols) d[[v]][runif(nrow(d)) < rate] <- NA
  d
}

hs5 <- read.csv("/work/shared/reference/lavaan/hs-cfa-ordinal/data.csv")[, paste0("x", 1:9)]
hs <- read.csv("/work/shared/reference/lavaan/hs-cfa/data.csv")

# 1. HS x1..x9 cut into five categories, ~8% of the cells deleted, row 5 deleted entirely (lavaan drops it: nobs 300).
hs5pw <- punch(hs5, paste0("x", 1:9), 20261206)
hs5pw[5, ] <- NA
write.csv(hs5pw, file.path(out.dir, "hs5-pw.csv"), row.names = FALSE, na = "")
write_case("hs5-pw", "hs5 (HS x1..x9 in five categories) with about 8% of the cells deleted (set.seed(20261206)) and row 5 empty; missing = \"pairwise\".",
           hs5pw, "hs5-pw.csv", paste0("x", 1:9))

# 2. Mixed: x1, x2, x3 continuous (original scores), x4..x9 ordinal, interleaved, ~8% deleted.
mixed <- data.frame(hs[, c("x1", "x2", "x3")], hs5[, paste0("x", 4:9)])
mixed <- mixed[, c("x1", "x4", "x2", "x5", "x6", "x3", "x7", "x8", "x9")]
mixedpw <- punch(mixed, names(mixed), 4711)
write.csv(mixedpw, file.path(out.dir, "mixed-pw.csv"), row.names = FALSE, na = "")
write_case("mixed-pw", "HS x1, x2, x3 continuous and x4..x9 in five categories, interleaved, about 8% of the cells deleted (set.seed(4711)); missing = \"pairwise\".",
           mixedpw, "mixed-pw.csv", paste0("x", 4:9))

# 3. Two groups (school) with missing cells and two rows missing the group value (lavaan drops them).
twog <- punch(data.frame(hs5[, paste0("x", 1:5)], school = hs$school), paste0("x", 1:5), 99)
twog$school[c(3, 10)] <- NA
write.csv(twog, file.path(out.dir, "twogroups-pw.csv"), row.names = FALSE, na = "")
write_case("twogroups-pw", "HS x1..x5 in five categories, two groups (school), about 8% of the cells deleted (set.seed(99)), rows 3 and 10 without a school; missing = \"pairwise\".",
           twog, "twogroups-pw.csv", paste0("x", 1:5), group = "school")

# 4. A sparse six-category pair: 45 rows of three six-category items, most bivariate tables with empty cells (lavaan
#    adds nothing to tables larger than 2x2), complete data and then with missing cells.
set.seed(606)
n <- 45
f <- rnorm(n)
cut6 <- function(x) as.integer(cut(x, breaks = c(-Inf, -1.2, -0.5, 0, 0.5, 1.2, Inf)))
sparse6 <- data.frame(u1 = cut6(0.8 * f + rnorm(n, sd = 0.6)), u2 = cut6(0.7 * f + rnorm(n, sd = 0.7)),
                      u3 = cut6(-0.6 * f + rnorm(n, sd = 0.8)))
stopifnot(all(sapply(sparse6, function(x) length(unique(x))) == 6L))
write.csv(sparse6, file.path(out.dir, "sparse6.csv"), row.names = FALSE)
write_case("sparse6", "45 rows of three six-category items (generated, set.seed(606)): bivariate tables with empty cells; complete data.",
           sparse6, "sparse6.csv", names(sparse6), missing = "listwise")
sparse6pw <- punch(sparse6, names(sparse6), 607, rate = 0.1)
stopifnot(all(sapply(sparse6pw, function(x) length(unique(na.omit(x)))) == 6L))
write.csv(sparse6pw, file.path(out.dir, "sparse6-pw.csv"), row.names = FALSE, na = "")
write_case("sparse6-pw", "sparse6 with about 10% of the cells deleted (set.seed(607)); missing = \"pairwise\".",
           sparse6pw, "sparse6-pw.csv", names(sparse6pw))

# 5. lavaan's own messages for bad ordinal input (documentation for the bad-input tests; SemLib words its own).
msg <- function(expr) tryCatch({ withCallingHandlers(expr, warning = function(w) invokeRestart("muffleWarning")); "" },
                               error = function(e) conditionMessage(e))
wmsg <- function(expr) { w <- character(0)
  withCallingHandlers(try(expr, silent = TRUE), warning = function(x) { w <<- c(w, conditionMessage(x)); invokeRestart("muffleWarning") })
  w }
bad <- list(
  reference = paste0("lavaan 0.6.14, R ", getRversion(), " (", script, ")"),
  single_category = msg(cfa("f =~ a + b", data = data.frame(a = c(1, 1, 1, 1), b = c(1, 2, 1, 2)), ordered = c("a", "b"), do.fit = FALSE)),
  empty_category_in_group = msg(cfa("f =~ a + b", data = data.frame(a = c(1, 2, 3, 1, 2, 1, 2), b = c(1, 2, 1, 2, 1, 2, 1), g = c(1, 1, 1, 2, 2, 2, 2)),
                                    group = "g", ordered = c("a", "b"), do.fit = FALSE)),
  single_observation_group = msg(cfa("f =~ a + b", data = data.frame(a = c(1, 2, 2, 1, 2, 1, 2), b = c(1, 2, 1, 2, 1, 2, 1), g = c(1, 1, 1, 1, 1, 1, 2)),
                                     group = "g", ordered = c("a", "b"), do.fit = FALSE)),
  many_levels = wmsg(cfa("f =~ a + b", data = data.frame(a = 1:20, b = rep(1:2, 10)), ordered = c("a", "b"), do.fit = FALSE)),
  non_integer = msg(cfa("f =~ a + b", data = data.frame(a = c(1, 2.5, 2, 1), b = c(1, 2, 1, 2)), ordered = c("a", "b"), do.fit = FALSE)))
writeLines(toJSON(bad, auto_unbox = TRUE, pretty = TRUE), file.path(out.dir, "bad-input.json"))
cat("wrote", out.dir, "\n")
