# Produces the measurement-invariance and path-difference reference cases in
# tests/SemLib.Tests/Reference/invariance/<name>/ (invariance.json + data.csv) with lavaan itself.
# Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-invariance-cases.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed JSON.
# (hs-invariance itself comes from the shared reference folder; its fields are the model for these.)
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
out.dir <- "tests/SemLib.Tests/Reference/invariance"
HS <- lavaan::HolzingerSwineford1939
num <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), x, NA) }
ref <- "lavaan 0.6.14, R 4.2.2 (tests/SemLib.Tests/Reference/scripts/make-invariance-cases.R)"
three <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
steps.all <- list(configural = character(0), metric = "loadings", scalar = c("loadings", "intercepts"),
                  strict = c("loadings", "intercepts", "residuals"))

fit.measures <- c("npar", "chisq", "df", "pvalue", "cfi", "tli", "rmsea", "srmr", "aic", "bic")

# Score tests of the constraints a step added (its group.equal kinds that the previous step did not have), largest first.
score_tests <- function(fit, kinds) {
  pt <- parTable(fit)
  eq <- which(pt$op == "==")
  lhs.row <- match(pt$lhs[eq], pt$plabel)
  kind <- ifelse(pt$op[lhs.row] == "=~", "loadings", ifelse(pt$op[lhs.row] == "~1", "intercepts",
          ifelse(pt$op[lhs.row] == "~~" & pt$lhs[lhs.row] == pt$rhs[lhs.row], "residuals", "other")))
  idx <- which(kind %in% kinds)
  st <- lavTestScore(fit, univariate = TRUE)
  uni <- st$uni[idx, ]
  total <- lavTestScore(fit, release = idx, univariate = FALSE)$test
  ord <- order(-uni$X2)
  list(
    univariate = lapply(ord, function(i) list(constraint = paste(uni$lhs[i], "==", uni$rhs[i]),
      parameter = trimws(paste(pt$lhs[lhs.row[idx[i]]], pt$op[lhs.row[idx[i]]], pt$rhs[lhs.row[idx[i]]])),
      chisq = num(uni$X2[i]), df = 1L, pvalue = num(uni$p.value[i]))),
    total = list(chisq = num(total$X2), df = total$df, pvalue = num(total$p.value)))
}

write_sequence <- function(name, description, model, data, group, partial = character(0), std.lv = FALSE,
                           estimator = "ML", steps = names(steps.all)) {
  fits <- list(); out <- list(); prev <- NULL
  for (s in steps) {
    ge <- steps.all[[s]]
    gp <- if (length(ge) > 0) partial else character(0)
    fit <- if (length(ge) == 0) cfa(model, data = data, group = group, std.lv = std.lv, estimator = estimator)
           else cfa(model, data = data, group = group, group.equal = ge, group.partial = gp, std.lv = std.lv, estimator = estimator)
    fm <- fitMeasures(fit, fit.measures)
    step <- c(list(step = s, group_equal = ge, group_partial = gp), setNames(lapply(fm, num), fit.measures))
    if (!is.null(prev)) {
      lrt <- lavTestLRT(fits[[prev]], fit)
      step$delta_chisq <- num(lrt[2, "Chisq diff"]); step$delta_df <- lrt[2, "Df diff"]; step$delta_pvalue <- num(lrt[2, "Pr(>Chisq)"])
      pf <- fitMeasures(fits[[prev]], c("cfi", "rmsea", "srmr"))
      step$delta_cfi <- num(fm["cfi"] - pf["cfi"]); step$delta_rmsea <- num(fm["rmsea"] - pf["rmsea"]); step$delta_srmr <- num(fm["srmr"] - pf["srmr"])
      added <- setdiff(ge, steps.all[[prev]])
      step$score_tests <- score_tests(fit, added)
    }
    fits[[s]] <- fit; out[[length(out) + 1]] <- step; prev <- s
  }
  case <- list(description = description, reference = ref, model = model, group = group,
               groups = lavInspect(fits[[1]], "group.label"), estimator = estimator, std_lv = std.lv,
               group_partial = partial, steps_run = steps, steps = out)
  dir.create(file.path(out.dir, name), recursive = TRUE, showWarnings = FALSE)
  write.csv(data, file.path(out.dir, name, "data.csv"), row.names = FALSE, na = "")
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, name, "invariance.json"))
  cat("wrote", name, "\n")
}

hs <- HS[, c("school", paste0("x", 1:9))]
write_sequence("hs-partial", "HS three-factor sequence with the intercepts of x3 and x7 released (group.partial) in metric, scalar and strict; score tests of each step's own constraints (lavTestScore univariate, largest first, and the total with release = those constraints).",
  three, hs, "school", partial = c("x3 ~ 1", "x7 ~ 1"))
write_sequence("hs-stdlv", "HS three-factor sequence under std.lv = TRUE: equal loadings free the latent variances of the second group; equal intercepts free its latent means.",
  three, hs, "school", std.lv = TRUE)
write_sequence("hs-mlr", "HS three-factor sequence with MLR: lavTestLRT's Satorra-Bentler (2001) scaled difference; the fit columns are fitMeasures' standard chisq, cfi, rmsea and srmr.",
  three, hs, "school", estimator = "MLR")
write_sequence("hs-two-steps", "Only configural and scalar: scalar is compared with configural (the step before it in the list).",
  three, hs, "school", steps = c("configural", "scalar"))

# Path differences: each regression equal across groups (group.equal = regressions, every other path partial)
# against the free model (here with equal loadings), and the Wald z of the difference from the free model.
write_paths <- function(name, description, model, data, group, group.equal = character(0)) {
  free <- if (length(group.equal) == 0) sem(model, data = data, group = group)
          else sem(model, data = data, group = group, group.equal = group.equal)
  pt <- parTable(free)
  reg <- pt[pt$op == "~" & pt$group == 1 & pt$free > 0 & pt$label %in% c("", pt$plabel), ]
  V <- vcov(free)
  paths <- list()
  for (i in seq_len(nrow(reg))) {
    nm <- paste(reg$lhs[i], "~", reg$rhs[i])
    others <- setdiff(paste(reg$lhs, "~", reg$rhs), nm)
    eq <- sem(model, data = data, group = group, group.equal = c(group.equal, "regressions"), group.partial = others)
    lrt <- lavTestLRT(free, eq)
    rows <- which(pt$lhs == reg$lhs[i] & pt$op == "~" & pt$rhs == reg$rhs[i])
    est <- pt$est[rows]
    cols <- pt$free[rows]
    d <- est[2] - est[1]
    se <- sqrt(V[cols[1], cols[1]] + V[cols[2], cols[2]] - 2 * V[cols[1], cols[2]])
    paths[[i]] <- list(dependent = reg$lhs[i], predictor = reg$rhs[i], estimates = num(est), difference = num(d),
      se = num(se), z = num(d / se), wald_pvalue = num(2 * pnorm(-abs(d / se))),
      delta_chisq = num(lrt[2, "Chisq diff"]), delta_df = lrt[2, "Df diff"], delta_pvalue = num(lrt[2, "Pr(>Chisq)"]))
  }
  case <- list(description = description, reference = ref, model = model, group = group, group_equal = group.equal,
               groups = lavInspect(free, "group.label"), paths = paths)
  dir.create(file.path(out.dir, name), recursive = TRUE, showWarnings = FALSE)
  write.csv(data, file.path(out.dir, name, "data.csv"), row.names = FALSE, na = "")
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, name, "paths.json"))
  cat("wrote", name, "\n")
}
write_paths("hs-paths", "Structural paths speed ~ visual + textual compared across schools, loadings equal (group.equal = loadings).",
  paste0(three, "\nspeed ~ visual + textual"), hs, "school", group.equal = "loadings")
write_paths("hs-paths-observed", "Observed path model x9 ~ x7 + x8, x8 ~ x7 compared across schools (no constraints in the free model).",
  "x9 ~ x7 + x8\nx8 ~ x7", hs, "school")

# group.equal / group.partial parameter tables: which rows are free, their labels (lavaan's .pN.), the estimates and
# SEs, and the model test, for every group.equal keyword SemLib supports (thresholds needs ordinal items).
write_table <- function(name, description, model, data, group, group.equal, group.partial = character(0), std.lv = FALSE) {
  fit <- sem(model, data = data, group = group, group.equal = group.equal, group.partial = group.partial, std.lv = std.lv)
  pt <- parTable(fit)
  keep <- pt$group > 0
  rows <- lapply(which(keep), function(i) list(lhs = pt$lhs[i], op = pt$op[i], rhs = pt$rhs[i], group = pt$group[i],
    free = pt$free[i] > 0, label = pt$label[i], est = num(pt$est[i]), se = num(pt$se[i])))
  fm <- fitMeasures(fit, c("npar", "chisq", "df"))
  case <- list(description = description, reference = ref, model = model, group = group, group_equal = group.equal,
               group_partial = group.partial, std_lv = std.lv, rows = rows, fit = setNames(lapply(fm, num), names(fm)))
  dir.create(file.path(out.dir, "tables"), recursive = TRUE, showWarnings = FALSE)
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, "tables", paste0(name, ".json")))
  cat("wrote table", name, "\n")
}
sem.model <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9\nspeed ~ visual + textual\nx1 ~~ x4\nx2 ~~ x5"
write_table("all-kinds", "Every group.equal keyword except thresholds and means, with a residual covariance and two regressions.",
  sem.model, hs, "school", c("loadings", "intercepts", "regressions", "residuals", "residual.covariances", "lv.variances", "lv.covariances"))
write_table("means-partial", "Equal loadings, intercepts and means (latent means stay fixed at 0), with group.partial on a loading, an intercept and a residual covariance.",
  sem.model, hs, "school", c("loadings", "intercepts", "means", "residual.covariances"), c("visual =~ x3", "x2 ~ 1", "x2 ~~ x5"))
write_table("stdlv-loadings", "std.lv with equal loadings and lv.covariances: the second group's factor variances are freed.",
  three, hs, "school", c("loadings", "lv.covariances"), std.lv = TRUE)
write_table("user-labels", "A user label on one loading (both groups) and c() labels on another: group.equal leaves user-labelled rows alone.",
  "visual =~ x1 + a*x2 + c(b1, b2)*x3\ntextual =~ x4 + x5 + x6", hs, "school", c("loadings", "intercepts"))

# lavTestScore on a model with every kind of equality the score tests know: group.equal labels, a user label shared
# by the groups, and an explicit a == b between two labels.
local({
  model <- "visual =~ x1 + a*x2 + b*x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + c*x9\nb == c"
  fit <- cfa(model, data = hs, group = "school", group.equal = c("intercepts"))
  st <- lavTestScore(fit)
  case <- list(description = "lavTestScore(fit)$uni and $test for group.equal = intercepts with labels a (shared), b, c and b == c.",
               reference = ref, model = model, group = "school", group_equal = "intercepts",
               chisq = num(st$uni$X2), total = list(chisq = num(st$test$X2), df = st$test$df))
  writeLines(toJSON(case, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
             file.path(out.dir, "score-explicit.json"))
  cat("wrote score-explicit\n")
})
