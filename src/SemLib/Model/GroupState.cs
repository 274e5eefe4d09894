using SemLib.LinearAlgebra;

namespace SemLib.Model;

/// <summary>
/// The numbers of one group's model at one θ: the matrices Λ, Θ, Ψ, B, ν, α and what is derived from them —
/// A = (I − B)⁻¹, the latent covariance Φ = AΨAᵀ, L1 = ΛA, L2 = ΛΦ, the implied Σ = L2Λᵀ + Θ and μ = ν + Λκ
/// with κ = Aα. Every buffer is allocated once; <see cref="Update"/> allocates nothing. Not thread-safe: each
/// thread owns its states.
/// </summary>
internal sealed class GroupState
{
    public GroupState(GroupModel model)
    {
        Model = model;
        int p = model.P, m = model.M;
        Lambda = new double[p * m];
        Theta = new double[p * p];
        Psi = new double[m * m];
        Beta = new double[m * m];
        Nu = new double[p];
        Alpha = new double[m];
        A = new double[m * m];
        Phi = new double[m * m];
        L12 = new double[p * 2 * m];
        Sigma = new double[p * p];
        Mu = new double[p];
        Kappa = new double[m];
        _tmpMM = new double[m * m];
        _l1 = new double[p * m];
        _l2 = new double[p * m];
        _pivots = new int[m];
        Tau = new double[model.TauCount];
        Delta = new double[p];
        Array.Fill(Delta, 1.0);
        foreach (var (cell, value, _) in model.FixedCells) Set(cell, value);
        for (int k = 0; k < m; k++) A[k * m + k] = 1;
    }

    public GroupModel Model { get; }
    public double[] Lambda { get; }
    public double[] Theta { get; }
    public double[] Psi { get; }
    public double[] Beta { get; }
    public double[] Nu { get; }
    public double[] Alpha { get; }

    /// <summary>The thresholds of the ordered variables (<see cref="GroupModel.ThresholdStart"/>).</summary>
    public double[] Tau { get; }

    /// <summary>The scale factors Δ of the observed variables (1 unless an ordered variable's is a parameter).</summary>
    public double[] Delta { get; }

    /// <summary>(I − B)⁻¹.</summary>
    public double[] A { get; }

    /// <summary>Covariance matrix of the latent variables (and phantoms), AΨAᵀ.</summary>
    public double[] Phi { get; }

    /// <summary>[ΛA | ΛΦ] as one p×2m matrix: the non-unit vectors of the derivative terms.</summary>
    public double[] L12 { get; }

    public double[] Sigma { get; }
    public double[] Mu { get; }

    /// <summary>Latent means κ = Aα.</summary>
    public double[] Kappa { get; }

    private readonly double[] _tmpMM;
    private readonly double[] _l1;
    private readonly double[] _l2;
    private readonly int[] _pivots;

    private void Set(MatrixCell cell, double value)
    {
        int p = Model.P, m = Model.M;
        switch (cell.Matrix)
        {
            case ModelMatrix.Lambda: Lambda[cell.Row * m + cell.Col] = value; break;
            case ModelMatrix.Theta:
                Theta[cell.Row * p + cell.Col] = value;
                Theta[cell.Col * p + cell.Row] = value;
                break;
            case ModelMatrix.Psi:
                Psi[cell.Row * m + cell.Col] = value;
                Psi[cell.Col * m + cell.Row] = value;
                break;
            case ModelMatrix.Beta: Beta[cell.Row * m + cell.Col] = value; break;
            case ModelMatrix.Nu: Nu[cell.Row] = value; break;
            case ModelMatrix.Alpha: Alpha[cell.Row] = value; break;
            case ModelMatrix.Tau: Tau[cell.Row] = value; break;
            case ModelMatrix.Delta: Delta[cell.Row] = value; break;
        }
    }

    /// <summary>Copies the exogenous covariates' sample moments (fixed.x) into their fixed cells.</summary>
    public void SetExogenous(ReadOnlySpan<double> covariance, ReadOnlySpan<double> mean)
    {
        int p = Model.P;
        foreach (var (cell, i, j) in Model.ExogenousCells)
            Set(cell, GroupModel.ExogenousMoment(i, j, covariance, mean, p));
    }

    /// <summary>Writes θ into the matrices and recomputes the implied moments. False when I − B is singular.</summary>
    public bool Update(ReadOnlySpan<double> theta)
    {
        foreach (var (cell, param) in Model.FreeCells) Set(cell, theta[param]);
        return ComputeImplied();
    }

    private bool ComputeImplied()
    {
        int p = Model.P, m = Model.M;
        if (Model.HasBeta)
        {
            for (int i = 0; i < m * m; i++) A[i] = -Beta[i];
            for (int k = 0; k < m; k++) A[k * m + k] += 1;
            if (!Dense.InvertGeneral(A, m, _pivots)) return false;
            // Φ = A Ψ Aᵀ
            Dense.Multiply(A, Psi, _tmpMM, m, m, m);
            Dense.MultiplyTransposeB(_tmpMM, A, Phi, m, m, m);
            // L1 = Λ A ; L2 = Λ Φ
            Dense.Multiply(Lambda, A, _l1, p, m, m);
        }
        else
        {
            Array.Copy(Psi, Phi, m * m);
            Array.Copy(Lambda, _l1, p * m);
        }
        Dense.Multiply(Lambda, Phi, _l2, p, m, m);
        for (int i = 0; i < p; i++)
        {
            Array.Copy(_l1, i * m, L12, i * 2 * m, m);
            Array.Copy(_l2, i * m, L12, i * 2 * m + m, m);
        }
        // Σ = L2 Λᵀ + Θ (lower triangle, mirrored)
        for (int i = 0; i < p; i++)
        {
            var l2i = new ReadOnlySpan<double>(_l2, i * m, m);
            for (int j = 0; j <= i; j++)
            {
                double explained = Dense.Dot(l2i, new ReadOnlySpan<double>(Lambda, j * m, m));
                if (i == j && Model.DeltaParameterization && Model.Ordered[i])
                    Theta[i * p + i] = 1 / (Delta[i] * Delta[i]) - explained; // Var(y*) = 1/Δ²
                double v = explained + Theta[i * p + j];
                Sigma[i * p + j] = v;
                Sigma[j * p + i] = v;
            }
        }
        if (Model.IsCategorical && !Model.DeltaParameterization)
        {
            // Theta: the scale factors follow from the model, Δ = 1/√σ_ii (reported on the ~*~ rows).
            for (int i = 0; i < p; i++)
                if (Model.Ordered[i]) Delta[i] = 1 / Math.Sqrt(Sigma[i * p + i]);
        }
        if (Model.MeanStructure)
        {
            if (Model.HasBeta) Dense.Multiply(A, Alpha, Kappa, m, m, 1);
            else Array.Copy(Alpha, Kappa, m);
            for (int i = 0; i < p; i++)
                Mu[i] = Nu[i] + Dense.Dot(new ReadOnlySpan<double>(Lambda, i * m, m), Kappa);
        }
        return true;
    }

    /// <summary>Reads a value back from a matrix cell.</summary>
    public double Get(MatrixCell cell)
    {
        int p = Model.P, m = Model.M;
        return cell.Matrix switch
        {
            ModelMatrix.Lambda => Lambda[cell.Row * m + cell.Col],
            ModelMatrix.Theta => Theta[cell.Row * p + cell.Col],
            ModelMatrix.Psi => Psi[cell.Row * m + cell.Col],
            ModelMatrix.Beta => Beta[cell.Row * m + cell.Col],
            ModelMatrix.Nu => Nu[cell.Row],
            ModelMatrix.Alpha => Alpha[cell.Row],
            ModelMatrix.Tau => Tau[cell.Row],
            ModelMatrix.Delta => Delta[cell.Row],
            _ => double.NaN,
        };
    }
}
