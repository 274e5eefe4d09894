using System.Text.Json;
using SemLib.Simulation;
using SemLib.Syntax;
using static SemLib.Reporting.Json.JsonOutput;

namespace SemLib.Reporting.Json;

/// <summary>
/// Writes Monte Carlo studies (one per sample size, e.g. from <see cref="MonteCarlo.PowerCurve"/>) as the JSON
/// document of <c>semlib power --format json</c>, an extension of the command-line JSON contract:
/// <code>
/// { "studies": [ { "n": 200, "replications": 1000, "converged": 998, "convergence_rate": 0.998, "inadmissible": 3,
///                  "failed": 2, "failures": { "did not converge": 2 },
///                  "mean_chisq": 24.3, "df": 24, "model_rejection_rate": 0.061,
///                  "parameters": [ { "lhs", "op", "rhs", "label", "population", "mean_est", "bias", "rel_bias",
///                                    "empirical_se", "mean_se", "se_ratio", "coverage", "power" } ] } ] }
/// </code>
/// Names follow <see cref="MonteCarloResult"/> and <see cref="MonteCarloParameter"/>; rates are proportions;
/// "failures" tallies the failed replications by reason (<see cref="MonteCarloResult.Failures"/>).
/// Numbers are round-trip; a value that does not exist (rel_bias of a zero population value, an SE ratio without
/// standard errors) is null.
/// </summary>
public static class MonteCarloJson
{
    /// <summary>The whole document as a string, indented unless <paramref name="indented"/> is false.</summary>
    public static string ToJson(IReadOnlyList<MonteCarloResult> studies, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(studies);
        return ToText(indented, writer => Write(writer, studies));
    }

    /// <summary>Writes the document to a JSON writer (as one value: call it where a value may go).</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<MonteCarloResult> studies)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(studies);
        writer.WriteStartObject();
        writer.WriteStartArray("studies");
        foreach (var s in studies)
        {
            writer.WriteStartObject();
            writer.WriteNumber("n", s.SampleSize);
            writer.WriteNumber("replications", s.Replications);
            writer.WriteNumber("converged", s.Converged);
            Number(writer, "convergence_rate", s.ConvergenceRate);
            writer.WriteNumber("inadmissible", s.Inadmissible);
            writer.WriteNumber("failed", s.Failed);
            writer.WriteStartObject("failures");
            foreach (var (reason, count) in s.Failures) writer.WriteNumber(reason, count);
            writer.WriteEndObject();
            Number(writer, "mean_chisq", s.MeanChiSquare);
            writer.WriteNumber("df", s.Df);
            Number(writer, "model_rejection_rate", s.ModelRejectionRate);
            writer.WriteStartArray("parameters");
            foreach (var p in s.Parameters)
            {
                writer.WriteStartObject();
                writer.WriteString("lhs", p.Lhs);
                writer.WriteString("op", p.Op.ToLavaan());
                writer.WriteString("rhs", p.Rhs);
                writer.WriteString("label", p.Label);
                Number(writer, "population", p.Population);
                Number(writer, "mean_est", p.MeanEstimate);
                Number(writer, "bias", p.Bias);
                Number(writer, "rel_bias", p.RelativeBias);
                Number(writer, "empirical_se", p.EmpiricalSe);
                Number(writer, "mean_se", p.MeanSe);
                Number(writer, "se_ratio", p.SeRatio);
                Number(writer, "coverage", p.Coverage);
                Number(writer, "power", p.Power);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
    }
}
