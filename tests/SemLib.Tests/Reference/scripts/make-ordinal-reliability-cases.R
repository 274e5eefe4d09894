# Produces the fixtures in tests/SemLib.Tests/Reference/ordinal-reliability/: ordinal alpha (psych) and categorical
# omega (semTools) per scale, with the lavaan estimates that categorical omega is computed from. Run from the
# repository root:
#   Rscript tests/SemLib.Tests/Reference/scripts/make-ordinal-reliability-cases.R
# Needs R 4.2 with psych 2.2.9, semTools 0.5.6, lavaan 0.6.14 and jsonlite. Tests never run R.
#
# Ordinal alpha (Zumbo, Gadermann & Zeisser 2007) as psych computes it: rho <- psych::polychoric(x)$rho on the
# scale's (reverse-keyed items already rescored) items with psych's defaults (global = TRUE, correct = 0.5,
# smooth = TRUE; missing values pairwise: each item's thresholds from all its observed values, each pair's table
# from the rows where both are observed), then psych::alpha(rho)$total$raw_alpha (= std.alpha for a correlation
# matrix). Written per scale: items, alpha, average_r, psych's rho and tau (thresholds, one row per item).
#
# Categorical omega (Green & Yang 2009): semTools::compRelSEM(fit) (obs.var = TRUE, the default) and
# compRelSEM(fit, obs.var = FALSE) (omega_implied) and compRelSEM(fit, ord.scale = FALSE) (omega_latent_scale: omega of
# the latent responses, (sum lambda)^2 psi / 1'R1 with R the polychoric matrix) on cfa(one factor per scale, ordered = all items, estimator = "WLSMV")
# (lavaan's listwise deletion). Written per factor: unstandardized loadings (lavInspect(fit, "est")$lambda), the
# factor variance (lavInspect(fit, "cov.lv")), the thresholds (est$tau), the scales (est$delta, 1 under the delta
# parameterization), lavaan's sample polychoric correlation matrix (lavInspect(fit, "sampstat")$cov) and the model-
# implied one (lavInspect(fit, "fitted")$cov), each restricted to the factor's items.
suppressPackageStartupMessages({ library(lavaan); library(semTools); library(psych); library(jsonlite) })
stopifnot(as.character(packageVersion("lavaan")) == "0.6.14", as.character(packageVersion("psych")) == "2.2.9",
          as.character(packageVersion("semTools")) == "0.5.6")
out.dir <- "tests/SemLib.Tests/Reference/ordinal-reliability"
dir.create(out.dir, recursive = TRUE, showWarnings = FALSE)
script <- "tests/SemLib.Tests/Reference/scripts/make-ordinal-reliability-cases.R"
ref <- sprintf("psych %s, semTools %s, lavaan %s on R %s", packageVersion("psych"), packageVersion("semTools"),
               packageVersion("lavaan"), getRversion())
rows.of <- function(m) lapply(seq_len(nrow(m)), function(i) as.numeric(m[i, ]))

ordinal_alpha <- function(x) {
  pc <- suppressWarnings(psych::polychoric(x))
  a <- suppressWarnings(psych::alpha(pc$rho))
  list(items = colnames(x), alpha = a$total$raw_alpha, std_alpha = a$total$std.alpha,
       average_r = a$total$average_r, rho = rows.of(pc$rho), tau = rows.of(pc$tau))
}

write_case <- function(name, description, data, data.file, scales, reversed = character(0), cfa = TRUE) {
  write.csv(data, file.path(out.dir, data.file), row.names = FALSE, na = "")
  rescored <- data
  for (v in reversed) rescored[[v]] <- min(data[unlist(scales[sapply(scales, function(s) v %in% s)])], na.rm = TRUE) +
    max(data[unlist(scales[sapply(scales, function(s) v %in% s)])], na.rm = TRUE) - data[[v]]
  alphas <- lapply(names(scales), function(s) c(list(scale = s), ordinal_alpha(rescored[, scales[[s]]])))
  omegas <- NULL
  if (cfa) {
    model <- paste(sapply(names(scales), function(s) paste0(s, " =~ ", paste(scales[[s]], collapse = " + "))), collapse = "\n")
    fit <- cfa(model, data = rescored, ordered = unlist(scales), estimator = "WLSMV")
    stopifnot(lavInspect(fit, "converged"))
    est <- lavInspect(fit, "est"); psi <- lavInspect(fit, "cov.lv")
    S <- lavInspect(fit, "sampstat")$cov; Sig <- lavInspect(fit, "fitted")$cov
    rel <- compRelSEM(fit); rel.implied <- compRelSEM(fit, obs.var = FALSE); rel.latent <- compRelSEM(fit, ord.scale = FALSE)
    omegas <- lapply(names(scales), function(s) {
      it <- scales[[s]]
      list(factor = s, items = it, loadings = as.numeric(est$lambda[it, s]), factor_variance = psi[s, s],
           thresholds = lapply(it, function(v) as.numeric(est$tau[grepl(paste0("^", v, "\\|"), rownames(est$tau)), 1])),
           scales = as.numeric(est$delta[it, 1]),
           polychoric = rows.of(S[it, it]), implied = rows.of(Sig[it, it]),
           omega = as.numeric(rel[s]), omega_implied = as.numeric(rel.implied[s]),
           omega_latent_scale = as.numeric(rel.latent[s]), std_loadings = as.numeric(lavInspect(fit, "std")$lambda[it, s]))
    })
  }
  out <- list(case = name, description = description, reference = ref, script = script, data = data.file,
              scales = lapply(names(scales), function(s) list(name = s, items = scales[[s]])), reversed = reversed,
              rows = nrow(data), complete_rows = sum(complete.cases(data[, unlist(scales)])),
              ordinal_alpha = alphas, categorical_omega = omegas)
  writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, pretty = TRUE, null = "null"), file.path(out.dir, paste0(name, ".json")))
  cat(name, ": alpha", sapply(alphas, `[[`, "alpha"), if (cfa) c("omega", sapply(omegas, `[[`, "omega")), "\n")
}

# 1. The 5-category Holzinger-Swineford items (lavaan reference data hs-cfa-ordinal), 301 rows, no missing values.
hs <- read.csv("/work/shared/reference/lavaan/hs-cfa-ordinal/data.csv")[, paste0("x", 1:9)]
hs.scales <- list(visual = c("x1", "x2", "x3"), textual = c("x4", "x5", "x6"), speed = c("x7", "x8", "x9"))
write_case("hs5", "HS items cut into 5 categories; three scales; every item has 5 categories (psych: global thresholds)",
           hs, "hs5.csv", hs.scales)

# 2. psych::bfi, the five 5-item scales (2800 rows, missing values: psych's pairwise polychoric; the CFA is listwise),
#    reverse-keyed items rescored as 1 + 6 - x (min + max over the scale's items) before anything.
bfi <- psych::bfi[, 1:25]
bfi.scales <- list(agreeableness = paste0("A", 1:5), conscientiousness = paste0("C", 1:5),
                   extraversion = paste0("E", 1:5), neuroticism = paste0("N", 1:5), openness = paste0("O", 1:5))
write_case("bfi", "psych::bfi, 5 scales with reverse-keyed items and missing values (pairwise polychoric)",
           bfi, "bfi25.csv", bfi.scales, reversed = c("A1", "C4", "C5", "E1", "E2", "O2", "O5"))

# 3. Unequal numbers of categories: x3 of the HS data with categories 4 and 5 merged, so psych sets global = FALSE
#    (thresholds from each pair's table, empty cells replaced by correct = 0.5). x4 with 1 and 2 merged and
#    recoded so that its lowest code is 2: psych subtracts the lowest code of all the scale's items (1).
un <- hs[, c("x1", "x2", "x3", "x4", "x5", "x6")]
un$x3[un$x3 == 5] <- 4
un$x4[un$x4 == 1] <- 2
write_case("unequal", "HS visual items with x3 merged to 4 categories (psych's local thresholds and 0.5 correction); textual items with x4 lacking code 1",
           un, "unequal.csv", list(visual = c("x1", "x2", "x3"), textual = c("x4", "x5", "x6")), cfa = FALSE)
