using System.Globalization;
using System.Text;
using SemLib.Results;

namespace SemLib.Cli;

/// <summary>
/// The residual matrices of --residuals in text output, laid out as R prints lavaan's <c>resid(fit, type = "raw")</c>
/// and <c>resid(fit, type = "standardized")</c>: the lower triangle with three decimals in one common width, row names
/// left-aligned, column names right-aligned, NA where lavaan has NA; the mean residuals (with a mean structure) as a
/// named vector, also with three decimals. Every group in turn, under lavaan's "Group g [label]:" heading. Standardized
/// residuals exist for ML and GLS; for ULS (where lavaan stops with an error) and for ordered items (whose standardized
/// residuals SemLib does not compute yet) a line says so. With ordered items the raw residuals are those of the
/// polychoric correlations, as lavaan's <c>cov</c> part.
/// </summary>
internal static class ResidualTable
{
    public static string Render(SemFit fit)
    {
        var sb = new StringBuilder();
        Section(sb, "Raw Residuals (S - Sigma-hat, lavaan's resid(fit, type = \"raw\")):", fit.Residuals(ResidualType.Raw));
        if (Estimation.EstimatorFacts.IsCategorical(fit.Estimator))
        {
            // lavaan's standardized residuals of polychoric correlations come from the covariance of the sample
            // statistics (Γ), not from the normal-theory formula the library has.
            sb.AppendLine();
            sb.AppendLine($"Standardized Residuals: not available yet with ordered items ({fit.Estimator}).");
        }
        else if (fit.Estimator != Estimation.Estimator.ULS)
            Section(sb, "Standardized Residuals (residual / its asymptotic SE, lavaan's resid(fit, type = \"standardized\")):",
                fit.Residuals(ResidualType.Standardized));
        else
        {
            sb.AppendLine();
            sb.AppendLine("Standardized Residuals: not available with ULS (lavaan 0.6.14 cannot compute them either).");
        }
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string title, IReadOnlyList<ResidualMatrices> groups)
    {
        sb.AppendLine();
        sb.AppendLine(title);
        foreach (var r in groups)
        {
            if (groups.Count > 1)
            {
                sb.AppendLine();
                sb.AppendLine($"Group {r.Group} [{r.GroupLabel}]:");
            }
            sb.AppendLine();
            sb.AppendLine("Covariances:");
            Matrix(sb, r);
            if (r.Means is { } means)
            {
                sb.AppendLine();
                sb.AppendLine("Means:");
                Vector(sb, r.Names, means);
            }
        }
    }

    /// <summary>R's print of a symmetric lavaan matrix: one format for every cell, the upper triangle blank.</summary>
    private static void Matrix(StringBuilder sb, ResidualMatrices r)
    {
        int p = r.Names.Count;
        var cells = new string[p, p];
        int width = 0;
        for (int i = 0; i < p; i++)
            for (int j = 0; j <= i; j++)
            {
                cells[i, j] = Number(r[i, j]);
                width = Math.Max(width, cells[i, j].Length);
            }
        int rowWidth = r.Names.Max(n => n.Length);
        var colWidths = r.Names.Select(n => Math.Max(width, n.Length)).ToArray();
        var line = new StringBuilder(new string(' ', rowWidth));
        for (int j = 0; j < p; j++) line.Append(' ').Append(r.Names[j].PadLeft(colWidths[j]));
        sb.AppendLine(line.ToString());
        for (int i = 0; i < p; i++)
        {
            line.Clear().Append(r.Names[i].PadRight(rowWidth));
            for (int j = 0; j <= i; j++) line.Append(' ').Append(cells[i, j].PadLeft(colWidths[j]));
            sb.AppendLine(line.ToString());
        }
    }

    /// <summary>R's print of a named vector: each name over its value, right-aligned in a column as wide as the wider.</summary>
    private static void Vector(StringBuilder sb, IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        var cells = values.Select(Number).ToArray();
        int width = cells.Max(c => c.Length);
        var head = new StringBuilder();
        var body = new StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            int w = Math.Max(width, names[i].Length);
            if (i > 0) { head.Append(' '); body.Append(' '); }
            head.Append(names[i].PadLeft(w));
            body.Append(cells[i].PadLeft(w));
        }
        sb.AppendLine(head.ToString());
        sb.AppendLine(body.ToString());
    }

    /// <summary>Three decimals, "NA" for a value lavaan reports as NA; a rounded zero prints unsigned, as R's does.</summary>
    private static string Number(double v)
    {
        if (!double.IsFinite(v)) return "NA";
        double rounded = Math.Round(v, 3, MidpointRounding.ToEven);
        if (rounded == 0) rounded = 0;
        return rounded.ToString("F3", CultureInfo.InvariantCulture);
    }
}
