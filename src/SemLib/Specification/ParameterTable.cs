using System.Globalization;
using System.Text;
using SemLib.Syntax;
using SemLib.Results;

namespace SemLib.Specification;

/// <summary>
/// The parameter table: every parameter of the model, free and fixed, with the rows lavaan adds by default,
/// plus defined parameters and constraints. It is the single source of truth — the matrices, the output rows
/// and the equality constraints are all derived from it. Build it with <see cref="Build(string, ModelOptions?, int)"/>.
/// </summary>
public sealed class ParameterTable
{
    internal ParameterTable(ParsedModel model, IReadOnlyList<ParameterRow> rows, VariableRoles roles, int groups,
        bool meanStructure, IReadOnlyList<FitWarning> warnings)
    {
        Model = model;
        Rows = rows;
        Roles = roles;
        GroupCount = groups;
        MeanStructure = meanStructure;
        Warnings = warnings;
    }

    /// <summary>The parsed syntax the table was built from.</summary>
    public ParsedModel Model { get; }

    /// <summary>Every row: per group the structural parameters, then defined parameters and constraints.</summary>
    public IReadOnlyList<ParameterRow> Rows { get; }

    /// <summary>The roles of the model's variables.</summary>
    public VariableRoles Roles { get; }

    /// <summary>Number of groups.</summary>
    public int GroupCount { get; }

    /// <summary>True when intercepts and means are part of the model.</summary>
    public bool MeanStructure { get; }

    /// <summary>Notes from building the table (for example duplicated statements that were merged), of kind <see cref="FitWarningKind.ModelSpecification"/>.</summary>
    public IReadOnlyList<FitWarning> Warnings { get; }

    /// <summary>The ordered (categorical) observed variables, in the order of the implied matrices; empty when all are continuous.</summary>
    public IReadOnlyList<string> Ordered { get; init; } = [];

    /// <summary>Whether the model has ordered indicators (thresholds).</summary>
    public bool IsCategorical => Ordered.Count > 0;

    /// <summary>How the latent responses of the ordered indicators are scaled (meaningful only with <see cref="Ordered"/> variables).</summary>
    public CategoricalParameterization Parameterization { get; init; }

    /// <summary>The observed variables, in the order of the implied matrices.</summary>
    public IReadOnlyList<string> ObservedVariables => Roles.Observed;

    /// <summary>The latent variables.</summary>
    public IReadOnlyList<string> LatentVariables => Roles.Latent;

    /// <summary>Number of free parameter rows (before equality constraints are applied).</summary>
    public int FreeRowCount => Rows.Count(r => r.Free);

    /// <summary>Parses lavaan syntax and builds the table with lavaan's defaults for the given options.</summary>
    public static ParameterTable Build(string syntax, ModelOptions? options = null, int groups = 1) =>
        Build(ModelSyntax.Parse(syntax), options, groups);

    /// <summary>Builds the table from parsed syntax with lavaan's defaults for the given options.</summary>
    public static ParameterTable Build(ParsedModel model, ModelOptions? options = null, int groups = 1) =>
        ParameterTableBuilder.Build(model, options ?? ModelOptions.Default, groups);

    /// <summary>
    /// A table of the same model over other rows (an extended, opened or baseline table): the same parsed model, groups,
    /// mean structure, ordered variables and parameterization, with <paramref name="roles"/> or these roles, and no notes.
    /// </summary>
    internal ParameterTable WithRows(IReadOnlyList<ParameterRow> rows, VariableRoles? roles = null) =>
        new(Model, rows, roles ?? Roles, GroupCount, MeanStructure, [])
        {
            Ordered = Ordered,
            Parameterization = Parameterization,
        };

    /// <summary>The table as aligned text (id, lhs, op, rhs, group, free, value, label), for inspection.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,4} {1,-14} {2,-3} {3,-14} {4,5} {5,5} {6,10} {7}", "id", "lhs", "op", "rhs", "group", "free", "value", "label"));
        foreach (var r in Rows)
        {
            string value = r.Free ? (double.IsNaN(r.Start) ? "" : "start " + r.Start.ToString("G4", CultureInfo.InvariantCulture))
                : r.Exogenous ? "(sample)" : double.IsNaN(r.Value) ? "" : r.Value.ToString("G6", CultureInfo.InvariantCulture);
            sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0,4} {1,-14} {2,-3} {3,-14} {4,5} {5,5} {6,10} {7}",
                r.Id, r.Lhs, r.Op.ToLavaan(), r.Rhs, r.Group, r.Free ? "yes" : "", value, r.Label));
        }
        return sb.ToString();
    }
}
