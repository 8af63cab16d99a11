"""SQLAlchemy (Debian python3-sqlalchemy, 1.4) Core and ORM against a server; prints what it saw.

SqlAlchemyIT runs this against PostgreSQL 15 and against distdb and compares the output.
Usage: sqlalchemy_app.py HOST PORT USER PASSWORD DATABASE
"""
import sys

from sqlalchemy import (Column, ForeignKey, Integer, MetaData, Numeric, String, Table, create_engine,
                        func, select, text)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import Session, declarative_base, relationship

host, port, user, password, database = sys.argv[1:6]
engine = create_engine(f"postgresql+psycopg2://{user}:{password}@/{database}?host={host}&port={port}",
                       future=True)
print("dialect", engine.dialect.name)

metadata = MetaData()
products = Table(
    "sa_products", metadata,
    Column("id", Integer, primary_key=True),
    Column("sku", String(20), nullable=False, unique=True),
    Column("name", String),
    Column("price", Numeric(10, 2)),
)

Base = declarative_base()


class Customer(Base):
    __tablename__ = "sa_customers"
    id = Column(Integer, primary_key=True)
    name = Column(String(50), nullable=False)
    orders = relationship("Order", back_populates="customer", order_by="Order.id")


class Order(Base):
    __tablename__ = "sa_orders"
    id = Column(Integer, primary_key=True)
    customer_id = Column(Integer, ForeignKey("sa_customers.id"), nullable=False)
    qty = Column(Integer, nullable=False)
    customer = relationship("Customer", back_populates="orders")


# psycopg2 opens a transaction implicitly, and distdb refuses DDL inside one (25001) until
# transactional DDL lands: create the schema on an autocommit connection.
with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as ddl:
    metadata.create_all(ddl, checkfirst=False)
    Base.metadata.create_all(ddl, checkfirst=False)
print("schema created")

# Core: insert with RETURNING, executemany, select, update, delete.
with engine.begin() as conn:
    new_id = conn.execute(
        products.insert().values(sku="tea", name="Tea", price=1.5).returning(products.c.id)
    ).scalar_one()
    print("returning id", new_id)
    conn.execute(products.insert(), [
        {"sku": "cake", "name": "Cake", "price": 2.25},
        {"sku": "jam", "name": "Jam", "price": 3},
    ])
with engine.begin() as conn:
    rows = conn.execute(select(products.c.sku, products.c.price).order_by(products.c.sku)).all()
    print("core select", [(r.sku, str(r.price)) for r in rows])
    n = conn.execute(products.update().where(products.c.sku == "jam").values(price=3.5)).rowcount
    print("core update", n)
    total = conn.execute(select(func.count(), func.sum(products.c.price)).select_from(products)).one()
    print("core aggregate", total[0], str(total[1]))

# Upsert through the postgresql dialect.
with engine.begin() as conn:
    stmt = postgresql.insert(products).values(
        [{"sku": "tea", "name": "Green tea", "price": 1.75}, {"sku": "soup", "name": "Soup", "price": 4}])
    stmt = stmt.on_conflict_do_update(
        index_elements=[products.c.sku],
        set_={"name": stmt.excluded.name, "price": stmt.excluded.price})
    print("upsert rows", conn.execute(stmt).rowcount)
    stmt = postgresql.insert(products).values(sku="tea", name="ignored", price=0)
    print("do nothing rows", conn.execute(stmt.on_conflict_do_nothing(index_elements=["sku"])).rowcount)
    rows = conn.execute(select(products.c.sku, products.c.name, products.c.price)
                        .order_by(products.c.sku)).all()
    print("after upsert", [(r.sku, r.name, str(r.price)) for r in rows])
    deleted = conn.execute(products.delete().where(products.c.sku == "soup").returning(products.c.name)).all()
    print("delete returning", [r.name for r in deleted])

# ORM: unit of work, relationships, queries, pagination, rollback.
with Session(engine) as session:
    alice = Customer(name="alice", orders=[Order(qty=1), Order(qty=2)])
    bob = Customer(name="bob", orders=[Order(qty=5)])
    session.add_all([alice, bob])
    session.commit()
    print("orm ids", alice.id, bob.id, [o.id for o in alice.orders])
with Session(engine) as session:
    a = session.execute(select(Customer).where(Customer.name == "alice")).scalar_one()
    print("orm lazy load", [o.qty for o in a.orders])
    totals = session.execute(
        select(Customer.name, func.sum(Order.qty)).join(Order).group_by(Customer.name)
        .order_by(Customer.name)).all()
    print("orm join aggregate", [(name, int(total)) for name, total in totals])
    page = session.execute(select(Order.qty).order_by(Order.id).limit(2).offset(1)).scalars().all()
    print("orm page", page)
    a.orders[0].qty = 10
    session.commit()
    print("orm update", session.execute(select(func.max(Order.qty))).scalar_one())
with Session(engine) as session:
    session.add(Order(customer_id=1, qty=99))
    session.flush()
    session.rollback()
    print("orm after rollback", session.execute(select(func.count(Order.id))).scalar_one())
    session.delete(session.get(Customer, 2).orders[0])
    session.commit()
    print("orm after delete", session.execute(select(func.count(Order.id))).scalar_one())
with engine.connect() as conn:
    print("text", conn.execute(text("SELECT name FROM sa_customers WHERE id = :id"), {"id": 2}).scalar_one())
