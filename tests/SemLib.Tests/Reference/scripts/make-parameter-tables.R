# Produces tests/SemLib.Tests/Reference/parameter-tables/tables.json: lavaan's parameter tables
# (parTable() of a model set up but not fitted) for the models of Specification/ParameterTableTests.cs.
# Run from the repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-parameter-tables.R
# Needs R 4.2 with lavaan 0.6.14 and jsonlite. Tests never run R: they read the committed JSON.
# The data are random normal columns: only their names matter for the table. Rows lavaan adds with
# user = 2 (its ".pN. == .pM." rows for shared labels) are left out: SemLib represents a shared label by
# the label itself, not by extra constraint rows.
suppressPackageStartupMessages({ library(lavaan); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14")
set.seed(1)
vars <- c("y", paste0("x", 1:9), paste0("y", 1:8), paste0("z", 1:3))
d <- as.data.frame(matrix(rnorm(200 * length(vars)), 200, dimnames = list(NULL, vars)))

cases <- list()
add <- function(name, model, call = "sem", options = list()) {
  fit <- suppressWarnings(do.call(call, c(list(model = model, data = d, do.fit = FALSE), options)))
  pt <- parTable(fit)
  pt <- pt[pt$user != 2, ]
  rows <- lapply(seq_len(nrow(pt)), function(i) list(
    lhs = pt$lhs[i], op = pt$op[i], rhs = pt$rhs[i], user = pt$user[i] == 1,
    free = pt$free[i] > 0,
    value = if (pt$free[i] > 0 || is.na(pt$ustart[i])) NULL else pt$ustart[i],
    exo = pt$exo[i] == 1, label = pt$label[i]))
  if (length(options) == 0) options <- setNames(list(), character(0))
  # The variable roles lavaan derives (lav_partable_vnames), for VariableRoles.
  roles <- c("lv", "ov", "ov.ind", "ov.x", "lv.x", "lv.ind", "eqs.y")
  names.list <- setNames(lapply(roles, function(t) I(lavNames(fit, t))), roles)
  cases[[length(cases) + 1]] <<- list(name = name, call = call, options = options, model = model, rows = rows,
                                      names = names.list)
}

hs3 <- "visual =~ x1 + x2 + x3\ntextual =~ x4 + x5 + x6\nspeed =~ x7 + x8 + x9"
add("cfa-three-factors", hs3)
add("cfa-three-factors-stdlv", hs3, options = list(std.lv = TRUE))
add("cfa-two-factors-orthogonal", "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6", options = list(orthogonal = TRUE))
add("sem-latent-regressions", "ind60 =~ x1 + x2 + x3\ndem60 =~ y1 + y2 + y3 + y4\ndem65 =~ y5 + y6 + y7 + y8\ndem60 ~ ind60\ndem65 ~ ind60 + dem60\ny1 ~~ y5")
add("sem-two-latent-outcomes", "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf3 =~ x7 + x8 + x9\nf2 ~ f1\nf3 ~ f1")
add("sem-latent-regression-stdlv", "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6\nf2 ~ f1", options = list(std.lv = TRUE))
add("cfa-second-order", paste0(hs3, "\ng =~ visual + textual + speed"))
add("path-multiple-outcomes", "y1 + y2 ~ x1 + x2")
add("path-chain", "y1 ~ x1\ny2 ~ x2\ny3 ~ y1 + y2")
add("path-fixed-x-false", "y1 + y2 ~ x1 + x2", options = list(fixed.x = FALSE))
add("path-fixed-x-false-means", "y1 + y2 ~ x1 + x2", options = list(fixed.x = FALSE, meanstructure = TRUE))
add("path-fixed-x-false-covariate-variance", "y ~ x1 + x2\nx1 ~~ x1", options = list(fixed.x = FALSE))
add("path-covariate-made-random", "y ~ x1 + x2\nx1 ~~ x1")
add("mimic-meanstructure", "f =~ x1 + x2 + x3\nf ~ z1 + z2", options = list(meanstructure = TRUE))
add("cfa-meanstructure-stdlv", "f1 =~ x1 + x2 + x3\nf2 =~ x4 + x5 + x6", options = list(meanstructure = TRUE, std.lv = TRUE))
add("indicator-on-covariate", "f =~ x1 + x2 + x3\nx1 ~ z1")
add("single-indicator", "f1 =~ x1\nf2 =~ x2 + x3 + x4")
add("modifier-overrides", "f =~ NA*x1 + x2 + 0.5*x3\nf ~~ 1*f")
add("shared-labels", "f =~ x1 + a*x2 + a*x3\nx2 ~~ v*x2\nx3 ~~ v*x3")
add("user-intercept", "f =~ x1 + x2 + x3\nx1 ~ 0*1")
add("defined-and-constraint", "f =~ x1 + a*x2 + b*x3\nab := a*b\na == 2*b")
add("lavaan-bare", "f =~ 1*x1 + x2 + x3\nx1 ~~ x1\nx2 ~~ x2\nx3 ~~ x3\nf ~~ f\nf ~ z1", call = "lavaan")

out <- list(reference = "lavaan 0.6.14, R 4.2.2: parTable(sem(model, data, do.fit = FALSE, ...)) (tests/SemLib.Tests/Reference/scripts/make-parameter-tables.R)",
            cases = cases)
writeLines(toJSON(out, auto_unbox = TRUE, null = "null", na = "null", digits = NA, pretty = TRUE),
           "tests/SemLib.Tests/Reference/parameter-tables/tables.json")
cat("wrote", length(cases), "tables\n")
