"""Benchmark of the contract register at national scale (synthetic DECP JSON files).

Generates files of 10 k, 100 k and 250 k synthetic contracts (a realistic mix of buyers,
CCAGs, considerations and amounts; about 3 % dirty values and 2 % republished contracts),
then times, in fresh processes:

- reading: `read_register` of the file (parse, clean, deduplicate);
- the full `spapser contracts YEAR --by-buyer FILE --format csv` command;

and reports the peak memory of the command process against the file's size.

    python benchmarks/bench_contracts.py [--sizes 10000 100000 250000] [--runs 3]
                                         [--against OTHER_VENV]

`--against` times another installation too (for example a venv of the main branch), its runs
alternating with this one's, so that a change is measured before and after in one run.

Goals: ≤ 2 s per 100 k contracts, 250 k ≤ 2.7 × 100 k, peak memory ≤ 3 × the file size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import REPO, tool

CCAGS = [("Travaux", 30), ("Fournitures courantes et services", 40),
         ("Prestations intellectuelles", 12), ("Maitrise d'œuvre", 6),
         ("Techniques de l'information et de la communication", 5),
         ("Marchés industriels", 1), ("Pas de CCAG", 6)]
PROCEDURES = [("Procédure adaptée", 60), ("Appel d'offres ouvert", 25),
              ("Marché passé sans publicité ni mise en concurrence préalable", 8),
              ("Procédure avec négociation", 4), ("Appel d'offres restreint", 2),
              ("Dialogue compétitif", 1)]
OBJECTS = ["Travaux de réfection de la toiture du groupe scolaire", "Fourniture de denrées "
           "alimentaires pour la restauration collective", "Mission de maîtrise d'œuvre pour "
           "la réhabilitation d'un équipement sportif", "Maintenance des installations de "
           "chauffage, ventilation et climatisation", "Nettoyage des locaux administratifs",
           "Acquisition de véhicules utilitaires électriques"]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([v for v, _ in weighted], [w for _, w in weighted])[0]


def synthetic_contract(rng: random.Random, index: int, buyers: list[str]) -> dict[str, object]:
    """One synthetic market; about 3 % carry a dirty value."""
    # A few big buyers publish much, most publish a little (one buyer per 40 contracts).
    buyer = (buyers[min(int(rng.paretovariate(1.2)) - 1, len(buyers) - 1)]
             if rng.random() < 0.4 else rng.choice(buyers))
    env = ["Clause environnementale"] if rng.random() < 0.12 else []
    if rng.random() < 0.06:
        env.append("Critère environnemental")
    social = ["Clause sociale"] if rng.random() < 0.09 else []
    if rng.random() < 0.04:
        social.append("Critère social")
    if rng.random() < 0.01:
        social.append("Marché réservé")
    amount: object = round(rng.lognormvariate(11, 1.3), 2)
    duration: object = rng.choice([3, 6, 12, 24, 36, 48])
    offers: object = rng.randint(1, 8)
    innovative: object = rng.random() < 0.02
    dirty = rng.random()
    if dirty < 0.01:
        duration = "NC"
    elif dirty < 0.015:
        offers = 0
    elif dirty < 0.02:
        innovative = "non"
    elif dirty < 0.025:
        amount = 1e17
    elif dirty < 0.03:
        amount = str(amount)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    contract = {
        "id": f"2024{index:09d}", "acheteur": {"id": buyer}, "nature": "Marché",
        "objet": f"{rng.choice(OBJECTS)} - lot {rng.randint(1, 12)}",
        "codeCPV": f"{rng.randint(3000, 9899)}0000", "techniques": {"technique": ["Sans objet"]},
        "modalitesExecution": {"modaliteExecution": ["Sans objet"]},
        "marcheInnovant": innovative, "ccag": _pick(rng, CCAGS), "offresRecues": offers,
        "attributionAvance": False, "typeGroupementOperateurs": "Pas de groupement",
        "procedure": _pick(rng, PROCEDURES),
        "lieuExecution": {"code": f"{rng.randint(1000, 95999):05d}", "typeCode": "Code postal"},
        "dureeMois": duration, "dateNotification": f"2024-{month:02d}-{day:02d}",
        "datePublicationDonnees": f"2024-{month:02d}-{min(day + 2, 28):02d}",
        "montant": amount, "typesPrix": {"typePrix": ["Définitif ferme"]},
        "formePrix": "Forfaitaire", "sousTraitanceDeclaree": False,
        "titulaires": [{"titulaire": {"typeIdentifiant": "SIRET",
                                      "id": f"{rng.randint(10**13, 10**14 - 1)}"}}],
        "considerationsSociales": {"considerationSociale": social or
                                   ["Pas de considération sociale"]},
        "considerationsEnvironnementales": {"considerationEnvironnementale": env or
                                            ["Pas de considération environnementale"]},
    }
    if rng.random() < 0.1:
        contract["modifications"] = [{"modification": {
            "id": 1, "montant": round(float(rng.lognormvariate(11, 1.3)), 2), "dureeMois": 12,
            "dateNotificationModification": "2024-12-01",
            "datePublicationDonneesModification": "2024-12-05"}}]
    return contract


def write_synthetic(path: Path, count: int, seed: int = 11) -> None:
    """A DECP 2.0 JSON file of `count` contracts, one per line (2 % published twice)."""
    rng = random.Random(seed)
    buyers = [f"2{rng.randint(10**12, 10**13 - 1)}" for _ in range(max(50, count // 40))]
    with open(path, "w", encoding="utf-8") as out:
        out.write('{"marches": {"marche": [\n')
        previous: dict[str, object] | None = None
        for index in range(count):
            if previous is not None and rng.random() < 0.02:  # published again, amended
                contract = dict(previous, montant=round(rng.lognormvariate(11, 1.3), 2),
                                datePublicationDonnees="2025-01-15")
            else:
                contract = synthetic_contract(rng, index, buyers)
            previous = contract
            out.write(("," if index else "") + json.dumps(contract, ensure_ascii=False) + "\n")
        out.write("]}}\n")


READ_SNIPPET = """
import sys, time
from pathlib import Path
start = time.perf_counter()
from spapser_cli.contracts import read_register
register = read_register([Path(sys.argv[1])])
print(time.perf_counter() - start, len(register.frame), len(register.warnings))
"""

MEASURE_SNIPPET = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(done.returncode, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def read_once(python: str, path: Path) -> tuple[float, int, int]:
    done = subprocess.run([python, "-c", READ_SNIPPET, str(path)],
                          capture_output=True, text=True, check=True)
    seconds, rows, warnings = done.stdout.split()
    return float(seconds), int(rows), int(warnings)


def measure_once(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, peak KiB) of one run of `command`."""
    done = subprocess.run([sys.executable, "-c", MEASURE_SNIPPET, *command],
                          capture_output=True, text=True, check=True)
    code, wall, cpu, peak = done.stdout.split()
    if int(code) not in (0, 1):
        raise SystemExit(f"{command} exited {code}")
    return float(wall), float(cpu), int(peak)


def measure(command: list[str], runs: int) -> tuple[float, float, int]:
    """(median wall seconds, median CPU seconds, peak KiB) of `runs` runs of `command`."""
    results = [measure_once(command) for _ in range(runs)]
    return (statistics.median(r[0] for r in results), statistics.median(r[1] for r in results),
            max(r[2] for r in results))


class Installation:
    """One spapser installation's runs on each file, to be alternated with another's."""

    def __init__(self, name: str, bin_dir: Path) -> None:
        self.name = name
        self.python = str(bin_dir / "python")
        self.spapser = str(bin_dir / "spapser")
        self.reads: list[tuple[float, int, int]] = []
        self.commands: list[tuple[float, float, int]] = []

    def run(self, path: Path) -> None:
        self.reads.append(read_once(self.python, path))
        self.commands.append(measure_once([self.spapser, "contracts", "2024", "--by-buyer",
                                           str(path), "--format", "csv"]))

    def medians(self) -> tuple[float, int, int, float, float, int]:
        read = statistics.median(r[0] for r in self.reads)
        wall = statistics.median(c[0] for c in self.commands)
        cpu = statistics.median(c[1] for c in self.commands)
        rows, warnings = self.reads[-1][1:]
        peak = max(c[2] for c in self.commands)
        self.reads, self.commands = [], []
        return read, rows, warnings, wall, cpu, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 250_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path, metavar="OTHER_VENV",
                        help="also time this venv's spapser, alternating runs with this one's")
    args = parser.parse_args()
    installations = [Installation("this tree", Path(tool("spapser")).parent)]
    if args.against is not None:
        installations.append(Installation(str(args.against), args.against / "bin"))
    _, _, baseline = measure([sys.executable, "-c", "import pandas, spapser_cli.contracts"], 1)
    load = os.getloadavg()[0]
    print(f"baseline: python + pandas + spapser_cli.contracts imported: {baseline / 1024:.0f} "
          f"MiB; load average at start: {load:.2f} on {os.cpu_count()} cores")
    print("| installation | contracts | file | read (wall) | `contracts --by-buyer` wall · CPU "
          "| peak memory above baseline |")
    print("|---|---|---|---|---|---|")
    walls: dict[tuple[str, int], float] = {}
    cpus: dict[tuple[str, int], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            path = Path(tmp) / f"decp-{size}.json"
            write_synthetic(path, size)
            mib = path.stat().st_size / 2**20
            for installation in installations:  # warm the caches
                installation.run(path)
                installation.medians()
            for _ in range(args.runs):
                for installation in installations:
                    installation.run(path)
            for installation in installations:
                read, rows, warnings, wall, cpu, peak_kib = installation.medians()
                peak = (peak_kib - baseline) / 1024
                walls[installation.name, size], cpus[installation.name, size] = wall, cpu
                print(f"| {installation.name} | {size:,} ({rows:,} after duplicates, "
                      f"{warnings:,} warnings) | {mib:.0f} MiB | {read:.2f} s | {wall:.2f} s · "
                      f"{cpu:.2f} s | {peak:.0f} MiB ({peak / mib:.2f}× the file) |")
    for installation in installations:
        name = installation.name
        if (name, 100_000) in walls and (name, 250_000) in walls:
            print(f"{name}: 250 k / 100 k: "
                  f"{walls[name, 250_000] / walls[name, 100_000]:.2f}× (wall), "
                  f"{cpus[name, 250_000] / cpus[name, 100_000]:.2f}× (CPU)")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}; python {sys.version.split()[0]}, "
          f"repository {REPO.name}")


if __name__ == "__main__":
    main()
