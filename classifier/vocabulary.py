"""Indonesian function words: frequent everywhere, so they only add noise to TF-IDF."""

INDONESIAN_STOPWORDS = frozenset(
    ["ada", "adalah", "agar", "akan", "antara", "atas", "atau", "bagi", "bahwa", "baik", "banyak", "beberapa", "belum", "berdasarkan", "bersama", "besar", "bisa", "dalam", "dan", "dapat", "dari", "demikian", "dengan", "di", "dilakukan", "dua", "hal", "hanya", "hari", "harus", "ini", "itu", "jika", "juga", "kami", "kata", "ke", "kembali", "kepada", "kita", "lain", "lalu", "lebih", "maka", "masih", "melalui", "menjadi", "menurut", "mereka", "namun", "oleh", "pada", "para", "perlu", "saat", "saja", "salah", "sama", "sampai", "satu", "sebagai", "sebagaimana", "secara", "sehingga", "sejak", "selain", "sementara", "serta", "setiap", "sudah", "tahun", "tanggal", "telah", "tentang", "terhadap", "tersebut", "tetapi", "tidak", "untuk", "yaitu", "yakni", "yang"]
)
