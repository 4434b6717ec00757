"""A throwaway PostgreSQL cluster for scripts/bench: initdb into a temporary folder (as the
postgres user when run as root, since initdb refuses root), a Unix socket only, trust logins,
stopped and deleted after."""
import glob
import os
import shutil
import subprocess
import tempfile

QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}


class Cluster:
    def __init__(self, bindir, folder, port):
        self.bindir, self.folder, self.port = bindir, folder, port
        self.as_postgres = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []

    @staticmethod
    def start(port="54931"):
        """A started cluster with a login `bench` that may create roles, or None (saying why)
        when the server binaries are missing."""
        versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not versions:
            print("PostgreSQL figures left out: no server binaries under /usr/lib/postgresql/*/bin", flush=True)
            return None
        cluster = Cluster(os.path.dirname(versions[-1]), tempfile.mkdtemp(prefix="careerpath-bench-pg-"), port)
        if os.getuid() == 0:
            shutil.chown(cluster.folder, "postgres")
        data = os.path.join(cluster.folder, "data")
        subprocess.run(cluster.as_postgres + [f"{cluster.bindir}/initdb", "-D", data, "-U", "postgres", "-A", "trust"],
                       check=True, **QUIET)
        subprocess.run(cluster.as_postgres + [f"{cluster.bindir}/pg_ctl", "-D", data, "-l", os.path.join(cluster.folder, "log"),
                                              "-w", "-o", f"-p {port} -k {cluster.folder} -c listen_addresses=''", "start"],
                       check=True, **QUIET)
        cluster.psql("CREATE ROLE bench LOGIN CREATEROLE")
        return cluster

    def psql(self, sql, database="postgres", user="postgres"):
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.folder, "-p", self.port, "-U", user,
                        "-d", database, "-c", sql], check=True, **QUIET)

    def psql_script(self, script, database="postgres", user="postgres"):
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", self.folder, "-p", self.port, "-U", user,
                        "-d", database], input=script.encode(), check=True, stdout=subprocess.DEVNULL)

    def url(self, user, database):
        return f"postgresql:///{database}?host={self.folder}&port={self.port}&user={user}"

    def careerpath_database(self, binary, database):
        """A database owned by `bench`, set up with `careerpath db init`; its URL for `bench`."""
        self.psql(f"CREATE DATABASE {database} OWNER bench")
        url = self.url("bench", database)
        subprocess.run([binary, "db", "init", url], check=True, **QUIET)
        return url

    def stop(self):
        subprocess.run(self.as_postgres + [f"{self.bindir}/pg_ctl", "-D", os.path.join(self.folder, "data"), "-m", "fast", "-w",
                                           "stop"], **QUIET)
        shutil.rmtree(self.folder, ignore_errors=True)
